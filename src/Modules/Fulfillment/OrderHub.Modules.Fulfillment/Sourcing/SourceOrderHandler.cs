using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.Orders;
using OrderHub.Modules.Fulfillment.Domain.Sourcing;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Orders.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// Sources a ready order: reads what each location could ship (Inventory, counting the order's own holds), which may ship
/// wine into the state (Compliance) and the products' weights, lets the <see cref="SourcingPlanner"/> choose, moves the
/// reservation to the chosen locations (all or nothing: if someone took the stock meanwhile, the step fails and the
/// dispatcher runs it again from fresh reads), then records the decision and one fulfillment per location and tells
/// Orders, in one save. Runs again safely: an order already sourced is left as it is.
/// </summary>
internal sealed partial class SourceOrderHandler(
    FulfillmentDbContext db, ISender sender, SourcingInputs inputs, SourcingPlanner planner, TimeProvider clock, ILogger<SourceOrderHandler> logger)
    : IInternalCommandHandler<SourceOrder>
{
    private const string Actor = "system:sourcing";

    public async Task HandleAsync(SourceOrder command, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = command.OrderNumber });
        if (await db.SourcingDecisions.AnyAsync(d => d.OrderId == command.OrderId, cancellationToken))
        {
            return;
        }

        var order = await db.OrdersToFulfill.Include(o => o.Lines).SingleAsync(o => o.OrderId == command.OrderId, cancellationToken);
        // The order may have changed, been held or cancelled since it was ready: source what it is now, or nothing
        // (a change or a release makes it ready again, and that is sourced afresh).
        var current = await sender.Send(new GetOrderToFulfillQuery(order.OrderId), cancellationToken);
        if (current is not { Status: "ReadyToFulfill" })
        {
            LogNotReady(order.OrderNumber, current?.Status ?? "unknown");
            return;
        }

        var input = await inputs.ReadAsync(
            [.. current.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity))], order.ShipTo, order.Channel, order.StockReservationKey, command.ExcludedLocations, cancellationToken);
        var request = input.Request;
        var plan = planner.Plan(request, input.Policy);
        var decidedAt = clock.GetUtcNow();
        db.SourcingDecisions.Add(SourcingDecision.Record(
            order.OrderId, decidedAt,
            [.. plan.Shipments.Select(s => new PlannedShipmentRecord(
                s.LocationCode, [.. s.Lines.Select(l => new PlannedLineRecord(l.Sku, l.Quantity))], s.EstimatedCost, input.ShipDates[s.LocationCode],
                DeliveryEstimate.IsKnownService(order.ShippingService) ? input.EstimatedDelivery(s.LocationCode, order.ShippingService) : null))],
            [.. plan.Considered.Select(c => new ConsideredLocationRecord(c.LocationCode, c.Chosen, c.Reason, c.EstimatedCost))],
            plan.DecidedBy, "USD"));
        if (!plan.IsComplete)
        {
            var reason = plan.NotSourcedReason();
            db.AddIntegrationEvent(new OrderNotSourcedIntegrationEvent(order.OrderId, order.OrderNumber, reason));
            await db.SaveChangesAsync(cancellationToken);
            LogNotSourced(order.OrderNumber, reason);
            return;
        }

        // Inventory commits the move first; if this host dies before the save below, the step runs again, reads the
        // order's holds where they now are, and comes to the same plan.
        await MoveReservationAsync(order, plan, cancellationToken);
        var fulfillments = PlannedFulfillments.Add(db, order.OrderId, order.OrderNumber, plan, request, decidedAt);
        db.AddIntegrationEvent(new OrderSourcedIntegrationEvent(order.OrderId, order.OrderNumber, PlannedFulfillments.Announced(fulfillments)));
        await db.SaveChangesAsync(cancellationToken); // the decision, the fulfillments and the announcement together
        LogSourced(order.OrderNumber, string.Join(", ", plan.Shipments.Select(s => s.LocationCode)), plan.TotalEstimatedCost, Actor);
    }

    /// <summary>Holds the order's units where they ship from; a shortfall (stock taken since the read) fails the step, to be run again.</summary>
    private async Task MoveReservationAsync(OrderToFulfill order, SourcingPlan plan, CancellationToken cancellationToken)
    {
        var lines = plan.Shipments.SelectMany(s => s.Lines.Select(l => new StockLine(l.Sku, l.Quantity, s.LocationCode))).ToList();
        var moved = await sender.Send(new ReplaceReservationCommand(order.StockReservationKey, lines, MoveOnly: true), cancellationToken);
        if (!moved.Reserved)
        {
            throw new InvalidOperationException(
                $"Order {order.OrderNumber}: the chosen locations no longer hold {string.Join(", ", moved.Shortages.Select(s => $"{s.Sku} ({s.Available}/{s.Requested})"))}; sourcing runs again.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} sourced from {Locations}, estimated {EstimatedCost} ({Actor})")]
    private partial void LogSourced(string orderNumber, string locations, decimal estimatedCost, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} is {Status}, no longer ready: not sourced now")]
    private partial void LogNotReady(string orderNumber, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber} could not be sourced: {Reason}")]
    private partial void LogNotSourced(string orderNumber, string reason);
}
