using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.FollowFulfillment;

/// <summary>Units short-picked were sourced again: where from goes on the timeline, once (inbox).</summary>
internal sealed class RecordShortfallSourcedHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordShortfallSourcedHandler> logger)
    : InboxHandler<ShortfallSourcedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(ShortfallSourcedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        var parts = e.Fulfillments.Select(f => $"{f.LocationCode}: {string.Join(", ", f.Lines.Select(l => $"{l.Quantity} x {l.Sku}"))}");
        order.RecordShortfall($"Not found at {e.ShortAt}, sourced again from {string.Join("; ", parts)}", found: true, "system:fulfillment", Clock.GetUtcNow());
    }
}

/// <summary>Units short-picked could not be sourced anywhere: on the timeline with why, for staff to act, once (inbox).</summary>
internal sealed class RecordShortfallNotSourcedHandler(OrdersDbContext db, TimeProvider clock, ILogger<RecordShortfallNotSourcedHandler> logger)
    : InboxHandler<ShortfallNotSourcedIntegrationEvent, OrdersDbContext>(db, clock, logger)
{
    protected override async ValueTask HandleOnceAsync(ShortfallNotSourcedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var order = await Db.LoadOrderAsync(e.OrderId, cancellationToken);
        var missing = string.Join(", ", e.Lines.Select(l => $"{l.Missing} x {l.Sku}"));
        order.RecordShortfall($"{missing} not found at {e.ShortAt} and not to be had elsewhere ({e.Reason}); the rest ships", found: false, "system:fulfillment", Clock.GetUtcNow());
    }
}
