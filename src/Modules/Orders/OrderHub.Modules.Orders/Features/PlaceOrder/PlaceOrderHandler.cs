using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>
/// Receives an order: stores it as Received with its timeline and announces it through the outbox, all in the
/// command's transaction. A repeated Idempotency-Key returns the first order; with another body it is a conflict.
/// </summary>
internal sealed class PlaceOrderHandler(
    OrdersDbContext db,
    OrderNumberAllocator numbers,
    OrderPricing pricing,
    TimeProvider clock,
    ILogger<PlaceOrderHandler> logger) : ICommandHandler<PlaceOrderCommand, PlaceOrderResult>
{
    public async ValueTask<PlaceOrderResult> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var previous = command.LookUpReplayFirst ? await db.IdempotencyRecords.FindAsync([command.IdempotencyKey], cancellationToken) : null;
        if (previous is not null)
        {
            if (previous.RequestHash != command.RequestHash)
            {
                throw new ConflictException("This Idempotency-Key was already used with a different request body.");
            }

            var number = await db.Orders.Where(o => o.Id == previous.OrderId).Select(o => o.Number).SingleAsync(cancellationToken);
            return new PlaceOrderResult(previous.OrderId, number, Created: false);
        }

        var now = clock.GetUtcNow();
        var customer = new Customer(command.Customer!.Email!.Trim().ToLowerInvariant(), command.Customer.FirstName!.Trim(),
            command.Customer.LastName!.Trim(), command.Customer.DateOfBirth, command.Customer.Phone);
        var service = command.ShippingService is null ? ShippingService.Ground : Enum.Parse<ShippingService>(command.ShippingService);
        var shipTo = command.ShippingAddress!.ToAddress();
        var priced = await pricing.PriceAsync([.. command.Lines!.Select(l => (l.Sku!.Trim(), l.Quantity))], service, shipTo, cancellationToken);
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
        db.IdempotencyRecords.Add(new IdempotencyRecord(command.IdempotencyKey, command.RequestHash, order.Id, now));
        db.AddIntegrationEvent(new OrderReceivedIntegrationEvent(
            order.Id, order.Number, order.Channel.ToString(), customer.Email, customer.FullName,
            [.. order.Lines.Select(l => new OrderReceivedLine(l.Sku, l.Quantity))]));

        using (logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.Number }))
        {
            logger.LogInformation("Order {OrderNumber} received via {Channel} with {LineCount} line(s)", order.Number, order.Channel, order.Lines.Count);
        }

        return new PlaceOrderResult(order.Id, order.Number, Created: true) { Received = order };
    }
}
