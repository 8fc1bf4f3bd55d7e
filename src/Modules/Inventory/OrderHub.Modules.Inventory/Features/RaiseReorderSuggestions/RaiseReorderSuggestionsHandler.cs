using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Replenishment;
using OrderHub.Modules.Inventory.Domain.Supply;
using OrderHub.Modules.Inventory.Features.RequestBackorder;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;

/// <summary>
/// For every reorder point whose available (unreserved) units at the location plus expected units (outstanding on
/// draft, open and partly received purchase orders to that location) are below the point: one suggestion per SKU,
/// location and day, a line on a draft purchase order to the supplier (one draft per supplier and location per run),
/// and a <see cref="LowStockDetectedIntegrationEvent"/> for the staff alert. Quantity = the reorder quantity, or more
/// when that would still leave the position below the point. The draft counts as expected supply, so the next day does
/// not order again while it is pending; the unique (SKU, location, day) index makes a repeat run the same day a no-op.
/// </summary>
internal sealed partial class RaiseReorderSuggestionsHandler(InventoryDbContext db, TimeProvider clock, ILogger<RaiseReorderSuggestionsHandler> logger)
    : ICommandHandler<RaiseReorderSuggestionsCommand, int>
{
    public async ValueTask<int> Handle(RaiseReorderSuggestionsCommand command, CancellationToken cancellationToken)
    {
        var points = await db.ReorderPoints.AsNoTracking().ToListAsync(cancellationToken);
        if (points.Count == 0)
        {
            return 0;
        }

        var day = command.Day;
        var done = (await db.ReorderSuggestions.AsNoTracking().Where(s => s.Day == day).Select(s => new { s.Sku, s.LocationCode }).ToListAsync(cancellationToken))
            .Select(s => (s.Sku, s.LocationCode)).ToHashSet();
        var skus = points.Select(p => p.Sku).Distinct(StringComparer.Ordinal).ToList();
        var available = (await db.StockItems.Where(s => skus.Contains(s.Sku)).GroupBy(s => new { s.Sku, s.LocationCode })
                .Select(g => new { g.Key.Sku, g.Key.LocationCode, Available = g.Sum(s => s.OnHand - s.Reserved) }).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.Sku, x.LocationCode), x => x.Available);
        var expected = (await ExpectedSupply.OpenLinesAsync(db, skus, includeDrafts: true, cancellationToken))
            .GroupBy(l => (l.Sku, l.DestinationLocationCode)).ToDictionary(g => g.Key, g => g.Sum(l => l.Outstanding));
        var latestSuppliers = await LatestSuppliersAsync(skus, cancellationToken);

        var now = clock.GetUtcNow();
        var drafts = new Dictionary<(string Supplier, string Location), PurchaseOrder>();
        var raised = 0;
        foreach (var point in points.OrderBy(p => p.LocationCode, StringComparer.Ordinal).ThenBy(p => p.Sku, StringComparer.Ordinal))
        {
            var have = available.GetValueOrDefault((point.Sku, point.LocationCode));
            var coming = expected.GetValueOrDefault((point.Sku, point.LocationCode));
            if (done.Contains((point.Sku, point.LocationCode)) || have + coming >= point.Point)
            {
                continue;
            }

            var quantity = Math.Max(point.Quantity, point.Point - (have + coming));
            var supplier = point.SupplierLocationCode ?? latestSuppliers.GetValueOrDefault(point.Sku);
            PurchaseOrder? draft = null;
            if (supplier is not null)
            {
                if (!drafts.TryGetValue((supplier, point.LocationCode), out draft))
                {
                    draft = PurchaseOrder.Create(PurchaseOrderKind.Purchase, supplier, point.LocationCode, $"Reorder {day:yyyy-MM-dd}", draft: true, now);
                    drafts[(supplier, point.LocationCode)] = draft;
                    db.PurchaseOrders.Add(draft);
                }

                draft.AddLine(point.Sku, quantity, now.AddDays(point.LeadTimeDays));
            }

            db.ReorderSuggestions.Add(ReorderSuggestion.Raise(point.Sku, point.LocationCode, day, have, coming, point.Point, quantity, supplier, draft?.Id, now));
            db.AddIntegrationEvent(new LowStockDetectedIntegrationEvent(point.Sku, point.LocationCode, have, coming, point.Point, quantity, supplier, draft?.Id));
            LogLowStock(point.Sku, point.LocationCode, have, coming, point.Point, quantity, supplier ?? "-");
            raised++;
        }

        return raised;
    }

    /// <summary>The Supplier-type location of each SKU's most recent purchase order (drafts included).</summary>
    private async Task<Dictionary<string, string>> LatestSuppliersAsync(List<string> skus, CancellationToken cancellationToken)
    {
        var rows = await (
            from line in db.PurchaseOrderLines
            join order in db.PurchaseOrders on line.PurchaseOrderId equals order.Id
            join location in db.Locations on order.SupplierLocationCode equals location.Code
            where skus.Contains(line.Sku) && location.Type == LocationType.Supplier
            select new { line.Sku, Supplier = location.Code, order.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).First().Supplier, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Low stock: {Sku} at {LocationCode} has {Available} available + {Expected} expected, below {ReorderPoint}; suggest {Quantity} from {Supplier}")]
    private partial void LogLowStock(string sku, string locationCode, int available, int expected, int reorderPoint, int quantity, string supplier);
}
