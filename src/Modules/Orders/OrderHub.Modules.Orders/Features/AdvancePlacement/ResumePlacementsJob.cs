using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Persistence;

namespace OrderHub.Modules.Orders.Features.AdvancePlacement;

/// <summary>
/// Every minute, on whichever host: finishes placements a crashed host left in Received, and retries
/// authorizations the gateway left pending, and orders accepted with <c>Prefer: respond-async</c> whose background
/// placement was lost (a restart) or never queued (a full queue). Safe to overlap: every step is idempotent and the
/// order's version guards its row; orders still queued on this host are left to its worker.
/// </summary>
internal sealed partial class ResumePlacementsJob(
    IServiceScopeFactory scopes, BackgroundPlacementQueue background, TimeProvider clock, ILogger<ResumePlacementsJob> logger)
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> stuck;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var before = clock.GetUtcNow() - StuckAfter;
            // Two queries, not one with OR: each can use the (Status, UpdatedAt) index; together they scanned every order.
            var received = await db.Orders.AsNoTracking()
                .Where(o => o.Status == OrderStatus.Received && o.UpdatedAt < before)
                .OrderBy(o => o.UpdatedAt)
                .Select(o => new { o.Id, o.UpdatedAt })
                .Take(200)
                .ToListAsync(cancellationToken);
            var pending = await db.Orders.AsNoTracking()
                .Where(o => o.Status == OrderStatus.OnHold && o.Holds.Any(h => h.ReleasedAt == null && h.Rule == "PaymentPending"))
                .OrderBy(o => o.UpdatedAt)
                .Select(o => new { o.Id, o.UpdatedAt })
                .Take(200)
                .ToListAsync(cancellationToken);
            stuck = [.. received.Concat(pending).OrderBy(o => o.UpdatedAt).Select(o => o.Id).Where(id => !background.IsQueued(id)).Take(200)];
        }

        foreach (var id in stuck)
        {
            try
            {
                await ResumeAsync(id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogResumeFailed(ex, id); // one order that keeps failing must not stop the others
            }
        }

        return stuck.Count;
    }

    private async Task ResumeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var order = await db.LoadOrderAsync(id, cancellationToken);
        if (order.ActiveHolds.Any(h => h.Rule == "PaymentPending"))
        {
            order.ReleaseHold(HoldType.Payment, "Retrying the pending authorization", "system:placement", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        var result = await scope.ServiceProvider.GetRequiredService<OrderPlacement>().AdvanceAsync(id, cancellationToken);
        LogResumed(order.Number, result.Outcome.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming the placement of order {OrderId} failed; the next run tries again")]
    private partial void LogResumeFailed(Exception ex, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed placement of {OrderNumber}: {Outcome}")]
    private partial void LogResumed(string orderNumber, string outcome);
}
