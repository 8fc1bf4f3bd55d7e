using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Inventory.Contracts.Commands;
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
/// When the order's lines were changed while it waited, the allocated reservation is first replaced by the current
/// lines (all or nothing); if that is short, the order takes an Inventory hold naming the shortage.
/// </summary>
internal sealed partial class ResumeBackorderedOrderHandler(
    OrdersDbContext db, ISender sender, OrderPlacement placement, TimeProvider clock, ILogger<ResumeBackorderedOrderHandler> logger)
    : InboxHandler<BackorderAllocatedIntegrationEvent, OrdersDbContext>(db, clock, logger), INotificationHandler<BackorderAllocatedIntegrationEvent>
{
    private const string Actor = "system:inventory";

    private Guid? _resume;
    private List<StockLine>? _replaceWith;

    async ValueTask INotificationHandler<BackorderAllocatedIntegrationEvent>.Handle(BackorderAllocatedIntegrationEvent notification, CancellationToken cancellationToken)
    {
        _resume = null;
        _replaceWith = null;
        await Handle(notification, cancellationToken); // the inbox step: commits the order's move
        if (_resume is not { } orderId)
        {
            return;
        }

        if (_replaceWith is { } lines && !await ReplaceReservationAsync(orderId, notification.ReservationKey, lines, cancellationToken))
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
            List<StockLine> current = [.. order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))];
            _replaceWith = SameLines(current, integrationEvent.Lines) ? null : current;
            LogLeft(order.Number);
        }
    }

    /// <summary>True when the reservation now matches the order's lines; false when short (the order is then on an Inventory hold).</summary>
    private async Task<bool> ReplaceReservationAsync(Guid orderId, string reservationKey, List<StockLine> lines, CancellationToken cancellationToken)
    {
        var replaced = await sender.Send(new ReplaceReservationCommand(reservationKey, lines), cancellationToken);
        if (replaced.Reserved)
        {
            return true;
        }

        var order = await Db.LoadOrderAsync(orderId, cancellationToken);
        var shortages = StockShortages.Describe(replaced.Shortages);
        order.PlaceHold(HoldType.Inventory, $"Insufficient stock for the lines changed while backordered ({shortages})", "InsufficientStock", Actor, Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        LogChangedLinesShort(order.Number, shortages);
        return false;
    }

    private static bool SameLines(IEnumerable<StockLine> a, IEnumerable<StockLine> b)
    {
        static Dictionary<string, int> Sum(IEnumerable<StockLine> lines) =>
            lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        var x = Sum(a);
        var y = Sum(b ?? []);
        return x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var q) && q == kv.Value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} left Backordered: stock allocated")]
    private partial void LogLeft(string orderNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backordered order {OrderNumber} resumed placement: {Outcome}")]
    private partial void LogResumed(string orderNumber, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: lines changed while backordered are short ({Shortages}); on Inventory hold")]
    private partial void LogChangedLinesShort(string orderNumber, string shortages);
}
