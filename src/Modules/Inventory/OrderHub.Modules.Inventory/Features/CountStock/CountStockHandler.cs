using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Features.AdjustStock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CountStock;

/// <summary>
/// A cycle count: the counted quantity replaces the expected on-hand of the stock item by an adjustment of the difference
/// (reason <c>CycleCount</c>, reference <c>count:{id}</c>), so the ledger still sums to on-hand. A count below what is
/// reserved there is refused (422 <c>CountBelowReserved</c>, nothing changes): the reservations must be moved first,
/// never silently left uncovered. No variance writes nothing.
/// </summary>
internal sealed partial class CountStockHandler(
    InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<CountStockHandler> logger)
    : ICommandHandler<CountStockCommand, StockCountDto>
{
    public async ValueTask<StockCountDto> Handle(CountStockCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku!.Trim();
        var locationCode = command.LocationCode!.Trim();
        await stock.RequireStockedProductsAsync([sku], cancellationToken);
        var bins = await stock.RequireLocationAsync(locationCode, cancellationToken);
        var key = new StockKey(sku, locationCode, StockStore.ResolveBin(locationCode, bins, command.Bin!.Trim()), command.Lot?.Trim() ?? string.Empty);
        var item = await db.StockItems.AsNoTracking()
            .Where(s => s.Sku == key.Sku && s.LocationCode == key.LocationCode && s.BinCode == key.BinCode && s.Lot == key.Lot)
            .Select(s => new { s.Id, s.OnHand, s.Reserved })
            .FirstOrDefaultAsync(cancellationToken);
        var expected = item?.OnHand ?? 0;
        var variance = command.CountedQuantity - expected;
        var countId = Guid.CreateVersion7(clock.GetUtcNow());

        if (variance > 0)
        {
            await stock.AddOnHandAsync(key, variance, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        else if (variance < 0 && await stock.TryRemoveAvailableAsync(item!.Id, -variance, cancellationToken) == 0)
        {
            var reserved = await db.StockItems.Where(s => s.Id == item.Id).Select(s => s.Reserved).FirstAsync(cancellationToken);
            throw new BusinessRuleViolationException("CountBelowReserved",
                $"Counted {command.CountedQuantity} x {sku} in {locationCode}/{key.BinCode} lot '{key.Lot}', but {reserved} are reserved there: "
                + "release or move those reservations (or recount) first. Nothing was changed.");
        }

        if (variance != 0)
        {
            var note = string.IsNullOrWhiteSpace(command.Note) ? $"counted by {command.Actor}" : $"{command.Note.Trim()} (counted by {command.Actor})";
            db.StockMovements.Add(StockMovement.Record(StockMovementType.Adjustment, key, variance, $"count:{countId}", clock.GetUtcNow(),
                nameof(AdjustmentReason.CycleCount), note));
        }

        LogCounted(sku, locationCode, key.BinCode, key.Lot, expected, command.CountedQuantity, variance, command.Actor);
        return new StockCountDto(countId, locationCode, key.BinCode, sku, key.Lot, expected, command.CountedQuantity, variance,
            await stock.OnHandAsync(key, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted {Sku} at {LocationCode}/{Bin} lot {Lot}: expected {Expected}, counted {Counted}, variance {Variance}, by {Actor}")]
    private partial void LogCounted(string sku, string locationCode, string bin, string lot, int expected, int counted, int variance, string actor);
}
