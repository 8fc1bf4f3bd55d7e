using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.AdvancePlacement;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.Backorders;

/// <summary>
/// Inventory allocated a backordered order's stock: the order leaves Backordered (its backorder hold is released, with
/// a timeline entry) exactly once through the inbox, and then placement resumes (the reservation replays under the
/// same key; compliance and payment follow). Placement runs after the inbox transaction has committed, because it
/// sends other modules' commands (on SQLite an open Orders write transaction would block them); should the host die
/// in between, <see cref="ResumePlacementsJob"/> finishes the order (it is back in Received).
/// When the order's lines were changed while it waited, placement's reservation step replaces the allocated
/// reservation with the current lines (<c>ReplaceIfLinesDiffer</c>, all or nothing); if that is short, the order takes
/// an Inventory hold naming the shortage.
/// </summary>
internal sealed partial class ResumeBackorderedOrderHandler(
    OrdersDbContext db, OrderPlacement placement, TimeProvider clock, ILogger<ResumeBackorderedOrderHandler> logger)
    : InboxHandler<BackorderAllocatedIntegrationEvent, OrdersDbContext>(db, clock, logger), INotificationHandler<BackorderAllocatedIntegrationEvent>
{
    private const string Actor = "system:inventory";

    private Guid? _resume;

    async ValueTask INotificationHandler<BackorderAllocatedIntegrationEvent>.Handle(BackorderAllocatedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        _resume = null;
        await Handle(notification, cancellationToken); // the inbox step: commits the order's move
        if (_resume is not { } orderId)
        {
            return;
        }

        var result = await placement.AdvanceAsync(orderId, cancellationToken);
        LogResumed(notification.OrderNumber ?? notification.ReservationKey, result.Outcome.ToString());
    }

    protected override async ValueTask HandleOnceAsync(BackorderAllocatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (PlacementKeys.OrderOfStock(integrationEvent.ReservationKey) is not { } orderId || !await Db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            return; // not an order's reservation
        }

        var order = await Db.LoadOrderAsync(orderId, cancellationToken);
        if (order.LeaveBackorder("Inventory allocated the backordered stock", Actor, Clock.GetUtcNow()))
        {
            _resume = order.Id;
            LogLeft(order.Number);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} left Backordered: stock allocated")]
    private partial void LogLeft(string orderNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backordered order {OrderNumber} resumed placement: {Outcome}")]
    private partial void LogResumed(string orderNumber, string outcome);
}
