using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Features.AdvancePlacement;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.Backorders;

/// <summary>
/// Inventory allocated a backordered order's stock: the order leaves Backordered (its backorder hold is released, with
/// a timeline entry) exactly once through the inbox, and then placement resumes (the reservation replays under the
/// same key; compliance and payment follow). Placement runs after the inbox transaction has committed, because it
/// sends other modules' commands (on SQLite an open Orders write transaction would block them); should the host die
/// in between, <see cref="ResumePlacementsJob"/> finishes the order (it is back in Received).
/// </summary>
internal sealed class ResumeBackorderedOrderHandler(OrdersDbContext db, OrderPlacement placement, TimeProvider clock, ILogger<ResumeBackorderedOrderHandler> logger)
    : InboxHandler<BackorderAllocatedIntegrationEvent, OrdersDbContext>(db, clock, logger), INotificationHandler<BackorderAllocatedIntegrationEvent>
{
    private Guid? _resume;

    async ValueTask INotificationHandler<BackorderAllocatedIntegrationEvent>.Handle(BackorderAllocatedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        _resume = null;
        await Handle(notification, cancellationToken); // the inbox step: commits the order's move
        if (_resume is { } orderId)
        {
            var result = await placement.AdvanceAsync(orderId, cancellationToken);
            Logger.LogInformation("Backordered order {OrderNumber} resumed placement: {Outcome}", notification.OrderNumber, result.Outcome);
        }
    }

    protected override async ValueTask HandleOnceAsync(BackorderAllocatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (OrderIdOf(integrationEvent.ReservationKey) is not { } orderId || !await Db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            return; // not an order's reservation
        }

        var order = await Db.LoadOrderAsync(orderId, cancellationToken);
        if (order.LeaveBackorder("Inventory allocated the backordered stock", "system:inventory", Clock.GetUtcNow()))
        {
            _resume = order.Id;
            Logger.LogInformation("Order {OrderNumber} left Backordered: stock allocated", order.Number);
        }
    }

    /// <summary>The order id inside a placement reservation key ("order:{id:N}"), else null.</summary>
    private static Guid? OrderIdOf(string reservationKey) =>
        reservationKey.StartsWith("order:", StringComparison.Ordinal) && Guid.TryParseExact(reservationKey["order:".Length..], "N", out var id) ? id : null;
}
