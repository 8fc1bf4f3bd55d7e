using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.VerifyStockLedger;

internal sealed class VerifyStockLedgerHandler(InventoryDbContext db) : IQueryHandler<VerifyStockLedgerQuery, StockLedgerReportDto>
{
    public async ValueTask<StockLedgerReportDto> Handle(VerifyStockLedgerQuery query, CancellationToken cancellationToken)
    {
        var rebuilt = await db.StockMovements.AsNoTracking()
            .GroupBy(m => new { m.Sku, m.LocationCode, m.BinCode, m.Lot })
            .Select(g => new { g.Key.Sku, g.Key.LocationCode, g.Key.BinCode, g.Key.Lot, OnHand = g.Sum(m => m.Quantity), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var stored = await db.StockItems.AsNoTracking()
            .Select(s => new { s.Sku, s.LocationCode, s.BinCode, s.Lot, s.OnHand })
            .ToListAsync(cancellationToken);

        var fromLedger = rebuilt.ToDictionary(r => new StockKey(r.Sku, r.LocationCode, r.BinCode, r.Lot), r => r.OnHand);
        var fromItems = stored.ToDictionary(s => new StockKey(s.Sku, s.LocationCode, s.BinCode, s.Lot), s => s.OnHand);
        var mismatches = fromLedger.Keys.Union(fromItems.Keys)
            .Select(k => (Key: k, OnHand: fromItems.GetValueOrDefault(k), Rebuilt: fromLedger.GetValueOrDefault(k)))
            .Where(x => x.OnHand != x.Rebuilt)
            .Select(x => new StockLedgerMismatchDto(x.Key.Sku, x.Key.LocationCode, x.Key.BinCode, x.Key.Lot, x.OnHand, x.Rebuilt))
            .ToList();
        return new StockLedgerReportDto(stored.Count, rebuilt.Sum(r => r.Count), mismatches);
    }
}
