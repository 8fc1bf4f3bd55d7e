using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Sourcing;

namespace OrderHub.Modules.Fulfillment.Features.ResourceStuckWork;

/// <summary>
/// Hangfire, every 15 minutes (<see cref="JobId"/>): warehouse fulfillments still Open and on no pick list past their
/// location's <c>pickDeadlineHours</c> are sourced again away from that location. Per order, in one save: the order's
/// open fulfillments cancelled, its sourcing decision forgotten, the step <see cref="SourceOrder"/> with that location
/// excluded (the usual sourcing step: it moves the order's holds, records the decision and tells Orders) and
/// <see cref="StuckFulfillmentsResourcingIntegrationEvent"/> for the timeline. Safe on several hosts at once: the
/// cancellations are guarded by the fulfillments' version, so a second run (or a pick wave taking the work meanwhile)
/// changes nothing. Only an order whose every live fulfillment is an open warehouse one held under the order's own
/// reservation is re-sourced this way; others (picking begun elsewhere, a dropship part, a re-sourced short pick) are
/// logged for staff.
/// </summary>
internal sealed partial class ResourceStuckWorkJob(FulfillmentDbContext db, TimeProvider clock, ILogger<ResourceStuckWorkJob> logger)
{
    public const string JobId = "fulfillment-resource-stuck-work";
    private const int BatchSize = 200;

    /// <summary>Runs once; the number of orders sent to be sourced again.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deadlines = await db.LocationSettings.AsNoTracking()
            .Where(s => s.PickDeadlineHours != null)
            .Select(s => new { s.LocationCode, Hours = s.PickDeadlineHours!.Value })
            .ToListAsync(cancellationToken);
        var stuck = new List<StuckFulfillment>();
        var orders = new Dictionary<Guid, (Guid OrderId, string OrderNumber)>();
        foreach (var deadline in deadlines)
        {
            var sourcedBefore = now.AddHours(-deadline.Hours);
            var found = await db.Fulfillments.AsNoTracking()
                .Where(f => f.LocationCode == deadline.LocationCode && f.Type == FulfillmentType.Warehouse && f.Status == FulfillmentStatus.Open
                    && f.PickListId == null && f.CreatedAt <= sourcedBefore)
                .OrderBy(f => f.CreatedAt)
                .Select(f => new { f.Id, f.OrderId, f.OrderNumber, f.CreatedAt })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var f in found)
            {
                stuck.Add(new StuckFulfillment(f.Id, deadline.LocationCode, deadline.Hours, f.CreatedAt));
                orders[f.Id] = (f.OrderId, f.OrderNumber);
            }
        }

        var resourced = 0;
        foreach (var group in stuck.GroupBy(s => s.FulfillmentId).Select(g => g.First()).GroupBy(s => orders[s.FulfillmentId]))
        {
            db.ChangeTracker.Clear();
            try
            {
                resourced += await ResourceAsync(group.Key.OrderId, group.Key.OrderNumber, [.. group], now, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                LogTaken(group.Key.OrderNumber);
            }
        }

        return resourced;
    }

    private async Task<bool> ResourceAsync(Guid orderId, string orderNumber, IReadOnlyList<StuckFulfillment> stuck, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = orderNumber });
        var live = await db.Fulfillments.Where(f => f.OrderId == orderId && f.Status != FulfillmentStatus.Cancelled).ToListAsync(cancellationToken);
        var still = stuck.Where(s => live.Any(f => f.Id == s.FulfillmentId && f.IsOpen && f.PickListId == null)).ToList();
        if (still.Count == 0)
        {
            return false; // a wave or another run took it meanwhile
        }

        if (live.Any(f => !f.IsOpen || f.Type != FulfillmentType.Warehouse || f.ReservationKey is not null))
        {
            LogLeftForStaff(orderNumber, string.Join(", ", still.Select(s => s.LocationCode)));
            return false;
        }

        live.ForEach(f => f.Cancel(now)); // guarded by each fulfillment's version: a second run at once fails here and changes nothing
        var decision = await db.SourcingDecisions.SingleOrDefaultAsync(d => d.OrderId == orderId, cancellationToken);
        if (decision is not null)
        {
            db.SourcingDecisions.Remove(decision);
        }

        var excluded = still.GroupBy(s => s.LocationCode, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => $"StuckWork: not on a pick list within {g.First().PickDeadlineHours} h", StringComparer.Ordinal);
        db.AddInternalCommand(new SourceOrder(orderId, orderNumber, excluded));
        db.AddIntegrationEvent(new StuckFulfillmentsResourcingIntegrationEvent(orderId, orderNumber, still));
        await db.SaveChangesAsync(cancellationToken);
        LogResourcing(orderNumber, string.Join(", ", excluded.Keys), live.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: work at {Locations} is past its pick deadline; sourcing it again without them ({Cancelled} fulfillment(s) cancelled)")]
    private partial void LogResourcing(string orderNumber, string locations, int cancelled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderNumber}: work at {Locations} is past its pick deadline, but picking began elsewhere or a part is dropship or re-sourced; left for staff")]
    private partial void LogLeftForStaff(string orderNumber, string locations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: its stuck work was taken meanwhile (a pick wave or another run); nothing changed")]
    private partial void LogTaken(string orderNumber);
}
