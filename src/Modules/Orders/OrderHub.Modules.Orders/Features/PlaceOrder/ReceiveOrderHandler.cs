using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>
/// Receives an order: stores it as Received with its timeline, its Idempotency-Key and, through the outbox, its
/// announcement and the first step of its placement, all in the command's transaction (the pipeline claims the
/// Idempotency-Key in the same save, and answers a key used before from what it stored).
/// </summary>
internal sealed class ReceiveOrderHandler(
    OrdersDbContext db,
    OrderNumberAllocator numbers,
    OrderPricing pricing,
    TimeProvider clock,
    ILogger<ReceiveOrderHandler> logger) : ICommandHandler<ReceiveOrderCommand, ReceivedOrder>
{
    public async ValueTask<ReceivedOrder> Handle(ReceiveOrderCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var customer = new Customer(command.Customer!.Email!.Trim().ToLowerInvariant(), command.Customer.FirstName!.Trim(),
            command.Customer.LastName!.Trim(), command.Customer.DateOfBirth, command.Customer.Phone);
        var service = command.ShippingService is null ? ShippingService.Ground : Enum.Parse<ShippingService>(command.ShippingService);
        var shipTo = command.ShippingAddress!.ToAddress();
        List<(string Sku, int Quantity)> lines = [.. command.Lines!.Select(l => (l.Sku!.Trim(), l.Quantity))];
        var priced = command.Pricing == OrderPricingMode.NoCharge
            ? await pricing.PriceAtNoChargeAsync(lines, cancellationToken)
            : await pricing.PriceAsync(lines, service, shipTo, cancellationToken);
        var order = Order.Receive(
            new ReceiveOrder(
                await numbers.NextAsync(cancellationToken),
                Enum.Parse<OrderChannel>(command.Channel!),
                command.ExternalReference,
                customer,
                shipTo,
                command.BillingAddress?.ToAddress(),
                service,
                command.Payment?.Token,
                priced.Currency,
                priced.Lines,
                priced.Shipping,
                priced.Tax),
            command.Actor,
            now);

        db.Orders.Add(order);
        db.AddIntegrationEvent(new OrderReceivedIntegrationEvent(
            order.Id, order.Number, order.Channel.ToString(), customer.Email, customer.FullName,
            [.. order.Lines.Select(l => new OrderReceivedLine(l.Sku, l.Quantity))]));

        using (logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.Number }))
        {
            logger.LogInformation("Order {OrderNumber} received via {Channel} with {LineCount} line(s)", order.Number, order.Channel, order.Lines.Count);
        }

        return new ReceivedOrder(order.Id, order.Number) { Order = order };
    }
}
