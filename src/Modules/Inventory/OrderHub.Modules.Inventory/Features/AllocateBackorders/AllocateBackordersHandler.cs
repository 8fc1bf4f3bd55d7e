using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.AllocateBackorders;

/// <summary>
/// Waiting requests are served by priority (higher first), then request time (earliest first), each all or nothing
/// through the normal <see cref="ReserveStockCommand"/> under the request's key. Once a request cannot be filled, the
/// SKUs it is short of are closed for this run: a later (lower) request does not take the units the earlier one waits
/// for. Each request is claimed by a guarded update (Waiting → Allocated) before reserving, so a concurrent cancel
/// either wins first (nothing is reserved) or waits for this transaction and then finds nothing to cancel (the order's
/// release then frees what was reserved).
/// </summary>
internal sealed partial class AllocateBackordersHandler(InventoryDbContext db, ISender sender, TimeProvider clock, ILogger<AllocateBackordersHandler> logger)
    : ICommandHandler<AllocateBackordersCommand, int>
{
    public async ValueTask<int> Handle(AllocateBackordersCommand command, CancellationToken cancellationToken)
    {
        var requests = db.BackorderRequests.AsNoTracking().Include(r => r.Lines).Where(r => r.Status == BackorderStatus.Waiting);
        if (command.Skus is { } arrived)
        {
            // An arrival serves only the requests with a line of an arrived SKU or of a kit made of one: filtered in the query.
            var kits = await db.Products.Where(p => p.Components.Any(c => arrived.Contains(c.ComponentSku))).Select(p => p.Sku).ToListAsync(cancellationToken);
            var served = arrived.Concat(kits).Distinct(StringComparer.Ordinal).ToList();
            requests = requests.Where(r => r.Lines.Any(l => served.Contains(l.Sku)));
        }

        var waiting = await requests.ToListAsync(cancellationToken);

        var closed = new HashSet<string>(StringComparer.Ordinal);
        var allocated = 0;
        foreach (var request in waiting.OrderByDescending(r => r.Priority).ThenBy(r => r.RequestedAt).ThenBy(r => r.Id))
        {
            if (request.Lines.Any(l => closed.Contains(l.Sku)))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var claimed = await db.BackorderRequests.Where(r => r.Id == request.Id && r.Status == BackorderStatus.Waiting)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, BackorderStatus.Allocated).SetProperty(r => r.ClosedAt, now).SetProperty(r => r.CloseReason, "Stock allocated"), cancellationToken);
            if (claimed == 0)
            {
                continue; // cancelled meanwhile
            }

            List<StockLine> lines = [.. request.Lines.Select(l => new StockLine(l.Sku, l.Quantity))];
            var reservation = await sender.Send(new ReserveStockCommand(request.ReservationKey, request.Channel, lines, Timeout.InfiniteTimeSpan), cancellationToken);
            if (!reservation.Reserved)
            {
                await db.BackorderRequests.Where(r => r.Id == request.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, BackorderStatus.Waiting).SetProperty(r => r.ClosedAt, (DateTimeOffset?)null).SetProperty(r => r.CloseReason, (string?)null), cancellationToken);
                closed.UnionWith(reservation.Shortages.Select(s => s.Sku));
                if (!request.Lines.Any(l => closed.Contains(l.Sku)))
                {
                    closed.UnionWith(request.Lines.Select(l => l.Sku)); // short of a kit's components: close the kit line too
                }

                continue;
            }

            db.AddIntegrationEvent(new BackorderAllocatedIntegrationEvent(request.ReservationKey, request.OrderNumber, lines));
            allocated++;
            LogAllocated(request.OrderNumber ?? request.ReservationKey, request.Priority);
        }

        return allocated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backorder for {OrderNumber} (priority {Priority}) got its stock")]
    private partial void LogAllocated(string orderNumber, int priority);
}
