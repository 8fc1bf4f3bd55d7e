using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Sourcing;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Orders.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>
/// Sources the units a picker did not find, like an order (same planner, same inputs, general stock only), holds them
/// under a key of their own (<c>{order's key}:shortfall:{fulfillment}</c>, so the order's reservation is untouched) and
/// makes one new fulfillment per location, to be picked in a later wave. Nowhere to be had: Orders hears why, and the
/// order ships what was picked unless staff act. Runs again safely: a shortfall already sourced is left as it is.
/// </summary>
internal sealed partial class SourceShortfallHandler(
    FulfillmentDbContext db, SourcingInputs inputs, SourcingPlanner planner, ISender sender, TimeProvider clock, ILogger<SourceShortfallHandler> logger)
    : IInternalCommandHandler<SourceShortfall>
{
    public async Task HandleAsync(SourceShortfall command, CancellationToken cancellationToken)
    {
        var short_ = await db.Fulfillments.AsNoTracking().Include(f => f.Lines).SingleAsync(f => f.Id == command.FulfillmentId, cancellationToken);
        var order = await db.OrdersToFulfill.AsNoTracking().SingleAsync(o => o.OrderId == short_.OrderId, cancellationToken);
        var key = $"{order.StockReservationKey}:shortfall:{short_.Id:N}";
        var lines = short_.Shortfall();
        if (lines.Count == 0 || await db.Fulfillments.AnyAsync(f => f.ReservationKey == key, cancellationToken))
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = order.OrderNumber });
        if ((await sender.Send(new GetOrderToFulfillQuery(order.OrderId), cancellationToken))?.Status is null or "Cancelled")
        {
            return;
        }

        var input = await inputs.ReadAsync(lines, order.ShipTo, order.Channel, reservationKey: null, cancellationToken);
        var request = input.Request;
        var plan = planner.Plan(request, input.Policy);
        var reserved = plan.IsComplete && (await sender.Send(new ReserveStockCommand(
            key, order.Channel, [.. plan.Shipments.SelectMany(s => s.Lines.Select(l => new StockLine(l.Sku, l.Quantity, s.LocationCode)))], Timeout.InfiniteTimeSpan),
            cancellationToken)).Reserved;
        if (!reserved)
        {
            var reason = plan.IsComplete ? "the stock was taken while it was being held" : plan.NotSourcedReason();
            db.AddIntegrationEvent(new ShortfallNotSourcedIntegrationEvent(
                order.OrderId, order.OrderNumber, short_.LocationCode, [.. lines.Select(l => new ShortPickedLine(l.Sku, l.Quantity, l.Quantity))], reason));
            await db.SaveChangesAsync(cancellationToken);
            LogNotSourced(order.OrderNumber, reason);
            return;
        }

        var fulfillments = PlannedFulfillments.Add(db, order.OrderId, order.OrderNumber, plan, request, clock.GetUtcNow(), key);
        db.AddIntegrationEvent(new ShortfallSourcedIntegrationEvent(order.OrderId, order.OrderNumber, short_.LocationCode, PlannedFulfillments.Announced(fulfillments)));
        await db.SaveChangesAsync(cancellationToken);
        LogSourced(order.OrderNumber, string.Join(", ", fulfillments.Select(f => f.LocationCode)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: the short-picked units were sourced again from {Locations}")]
    private partial void LogSourced(string orderNumber, string locations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: the short-picked units could not be sourced again: {Reason}")]
    private partial void LogNotSourced(string orderNumber, string reason);
}
