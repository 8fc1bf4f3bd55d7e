using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.ReshipOrder;

/// <summary>
/// A reship is a new order, not a change of the original: the units to send again (<see cref="Order.ReshipLines"/>) go
/// to the same customer and address by the same service and channel, received as any order is (<see cref="ReceiveOrderCommand"/>,
/// so its placement step is in the outbox with it) but priced at no charge, which only this server-side use case can ask
/// for. Its <c>externalReference</c> is <c>reship:&lt;original number&gt;</c>; each order's timeline names the other.
/// All of it, and the pipeline's claim of the Idempotency-Key, commit in this command's one transaction.
/// </summary>
internal sealed partial class ReceiveReshipHandler(OrdersDbContext db, ISender sender, TimeProvider clock, ILogger<ReceiveReshipHandler> logger)
    : ICommandHandler<ReceiveReshipCommand, ReceivedReship>
{
    public async ValueTask<ReceivedReship> Handle(ReceiveReshipCommand command, CancellationToken cancellationToken)
    {
        var original = await db.LoadOrderAsync(command.OrderId, cancellationToken);
        var lines = original.ReshipLines(command.Lines?.Select(l => (l.Sku!.Trim(), l.Quantity)).ToList());

        // No key of its own: this command's key (claimed by the pipeline in this transaction) covers the replacement.
        var received = await sender.Send(
            new ReceiveOrderCommand(ReplacementOf(original, lines), idempotencyKey: null, command.Actor, pricing: OrderPricingMode.NoCharge),
            cancellationToken);
        var replacement = received.Order ?? throw new InvalidOperationException("An order received without a key is always new.");

        var (reason, now) = (command.Reason!.Trim(), clock.GetUtcNow());
        replacement.RecordReplacementFor(original.Number, reason, command.Actor, now);
        original.RecordReshipped(replacement.Number, string.Join(", ", lines.Select(l => $"{l.Quantity} × {l.Sku}")), reason, command.Actor, now);
        LogReshipped(original.Number, replacement.Number, command.Actor, reason);
        return new ReceivedReship(replacement.Id, replacement.Number, original.Number);
    }

    /// <summary>The placement input: the original's channel, customer, addresses and service; no payment (nothing is charged).</summary>
    private static PlaceOrderRequest ReplacementOf(Order original, IReadOnlyList<(string Sku, int Quantity)> lines)
    {
        var c = original.Customer;
        return new PlaceOrderRequest
        {
            Channel = original.Channel.ToString(),
            ExternalReference = ReshipReferences.For(original.Number),
            Customer = new CustomerInput(c.Email, c.FirstName, c.LastName, c.DateOfBirth, c.Phone),
            ShippingAddress = AddressInput.From(original.ShippingAddress),
            BillingAddress = original.BillingAddress is { } billing ? AddressInput.From(billing) : null,
            ShippingService = original.ShippingService.ToString(),
            Lines = [.. lines.Select(l => new LineInput(l.Sku, l.Quantity))],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} reshipped as {ReplacementNumber} by {Actor}: {Reason}")]
    private partial void LogReshipped(string orderNumber, string replacementNumber, string actor, string reason);
}
