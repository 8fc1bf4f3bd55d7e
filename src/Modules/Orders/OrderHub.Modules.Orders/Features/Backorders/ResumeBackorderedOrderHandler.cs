using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.Backorders;

/// <summary>
/// Inventory allocated a backordered order's stock: the order leaves Backordered (its backorder hold is released, with
/// a timeline entry) exactly once through the inbox, and, in the same transaction, placement's next step is written
/// for the dispatcher (OrdersDbContext): the reservation replays under the same key, compliance and payment follow.
/// When the order's lines were changed while it waited, placement's reservation step replaces the allocated
/// reservation with the current lines (<c>ReplaceIfLinesDiffer</c>, all or nothing); if that is short, the order takes
/// an Inventory hold naming the shortage.
/// </summary>
internal sealed partial class ResumeBackorderedOrderHandler(OrdersDbContext db, TimeProvider clock, ILogger<ResumeBackorderedOrderHandler> logger)
    : InboxHandler<BackorderAllocatedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    private const string Actor = "system:inventory";

    protected override async ValueTask HandleOnceAsync(BackorderAllocatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (PlacementKeys.OrderOfStock(integrationEvent.ReservationKey) is not { } orderId || !await Db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            return; // not an order's reservation
        }

        var order = await Db.LoadOrderAsync(orderId, cancellationToken);
        Db.RunsPlacementInline = false; // nobody waits on this event: the dispatcher places the order at once
        if (order.LeaveBackorder("Inventory allocated the backordered stock", Actor, Clock.GetUtcNow()))
        {
            LogLeft(order.Number);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} left Backordered: stock allocated; placement resumes")]
    private partial void LogLeft(string orderNumber);
}
