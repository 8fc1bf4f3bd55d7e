using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.RequestBackorder;

/// <summary>
/// Records demand waiting on expected supply when every short SKU is covered: available units plus open supply
/// (by expected date) must reach this request's need plus what earlier waiting requests are owed. The answer's
/// <see cref="BackorderDto.ExpectedAt"/> is the date the last short SKU is covered. Nothing is recorded when some
/// short SKU has no such supply (the caller keeps its own fallback, e.g. an Inventory hold).
/// </summary>
internal sealed partial class RequestBackorderHandler(InventoryDbContext db, ReservationStore reservations, StockStore stock, TimeProvider clock, ILogger<RequestBackorderHandler> logger)
    : ICommandHandler<RequestBackorderCommand, BackorderDto>
{
    public async ValueTask<BackorderDto> Handle(RequestBackorderCommand command, CancellationToken cancellationToken)
    {
        var key = command.ReservationKey.Trim();
        var existing = await db.BackorderRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ReservationKey == key, cancellationToken);
        if (existing is not null)
        {
            return new BackorderDto(key, existing.Status == BackorderStatus.Waiting, existing.ExpectedAt, []);
        }

        // Unknown SKUs refused, kits replaced by their components, summed per SKU: as a reservation sees the lines.
        var needs = (await reservations.ExpandAsync(command.Lines, cancellationToken)).ToDictionary(l => l.Sku, l => l.Quantity, StringComparer.Ordinal);
        var skus = needs.Keys.ToList();
        var available = await stock.AvailableBySkuAsync(skus, cancellationToken);
        var waiting = await ExpectedSupply.WaitingDemandAsync(db, skus, key, cancellationToken);
        var supply = await ExpectedSupply.OpenLinesAsync(db, skus, includeDrafts: false, cancellationToken);

        var now = clock.GetUtcNow();
        DateTimeOffset? expectedAt = null;
        var uncovered = new List<string>();
        foreach (var (sku, need) in needs.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            var have = available.GetValueOrDefault(sku);
            if (have >= need)
            {
                continue; // not short
            }

            var required = need + waiting.GetValueOrDefault(sku);
            DateTimeOffset? coveredAt = null;
            foreach (var line in supply.Where(s => s.Sku == sku))
            {
                have += line.Outstanding;
                if (have >= required)
                {
                    coveredAt = line.ExpectedAt;
                    break;
                }
            }

            if (coveredAt is null)
            {
                uncovered.Add(sku);
            }
            else if (expectedAt is null || coveredAt > expectedAt)
            {
                expectedAt = coveredAt;
            }
        }

        if (uncovered.Count > 0)
        {
            LogNotCovered(command.OrderNumber ?? key, string.Join(", ", uncovered));
            return new BackorderDto(key, false, null, uncovered);
        }

        // Nothing short any more (stock arrived meanwhile): wait anyway; the next allocation run serves it at once.
        expectedAt ??= now;
        db.BackorderRequests.Add(BackorderRequest.Create(
            key, command.OrderNumber, command.Channel.Trim(), command.Priority, expectedAt, command.Lines.Select(l => (l.Sku.Trim(), l.Quantity)), now));
        LogWaiting(command.OrderNumber ?? key, command.Priority, expectedAt.Value);
        return new BackorderDto(key, true, expectedAt, []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backorder for {OrderNumber} waits at priority {Priority}, expected {ExpectedAt}")]
    private partial void LogWaiting(string orderNumber, int priority, DateTimeOffset expectedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "No backorder for {OrderNumber}: no expected supply covers {Skus}")]
    private partial void LogNotCovered(string orderNumber, string skus);
}
