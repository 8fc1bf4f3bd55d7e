using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.AdjustStock;

/// <summary>
/// Changes on-hand with a reason. A decrease may only take unreserved units (a guarded update), so an adjustment can never
/// leave a reservation uncovered: such a decrease is refused (422) and nothing changes.
/// </summary>
internal sealed class AdjustStockHandler(
    InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<AdjustStockHandler> logger)
    : ICommandHandler<AdjustStockCommand, StockAdjustmentDto>
{
    public async ValueTask<StockAdjustmentDto> Handle(AdjustStockCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku!.Trim();
        var locationCode = command.LocationCode!.Trim();
        await stock.RequireProductsAsync([sku], cancellationToken);
        var bins = await stock.RequireLocationAsync(locationCode, cancellationToken);
        var key = await ResolveAsync(sku, locationCode, bins, command, cancellationToken);

        if (command.Quantity > 0)
        {
            await stock.AddOnHandAsync(key, command.Quantity, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        else
        {
            var id = await db.StockItems
                .Where(s => s.Sku == key.Sku && s.LocationCode == key.LocationCode && s.BinCode == key.BinCode && s.Lot == key.Lot)
                .Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null || await stock.TryRemoveAvailableAsync(id.Value, -command.Quantity, cancellationToken) == 0)
            {
                var available = await db.StockItems.Where(s => s.Id == id).Select(s => s.OnHand - s.Reserved).FirstOrDefaultAsync(cancellationToken);
                throw new BusinessRuleViolationException("AdjustmentWithinAvailableStock",
                    $"Cannot remove {-command.Quantity} x {sku} from {locationCode}/{key.BinCode} lot '{key.Lot}': only {available} unreserved.");
            }
        }

        var adjustmentId = Guid.CreateVersion7(clock.GetUtcNow());
        db.StockMovements.Add(StockMovement.Record(StockMovementType.Adjustment, key, command.Quantity, $"adjustment:{adjustmentId}", clock.GetUtcNow(),
            command.Reason, command.Note));
        var dto = new StockAdjustmentDto(adjustmentId, sku, locationCode, key.BinCode, key.Lot, command.Quantity, command.Reason!,
            await stock.OnHandAsync(key, cancellationToken));
        logger.LogInformation("Adjusted {Sku} at {LocationCode}/{Bin} lot {Lot} by {Quantity} ({Reason})", sku, locationCode, key.BinCode, key.Lot, command.Quantity, command.Reason);
        return dto;
    }

    private async Task<StockKey> ResolveAsync(string sku, string locationCode, List<string> bins, AdjustStockCommand command, CancellationToken cancellationToken)
    {
        var bin = command.Bin?.Trim();
        var lot = command.Lot?.Trim();
        if (!string.IsNullOrEmpty(bin) && lot is not null)
        {
            return new StockKey(sku, locationCode, StockStore.ResolveBin(locationCode, bins, bin), lot);
        }

        var matches = await db.StockItems.AsNoTracking()
            .Where(s => s.Sku == sku && s.LocationCode == locationCode)
            .Where(s => string.IsNullOrEmpty(bin) || s.BinCode == bin)
            .Where(s => lot == null || s.Lot == lot)
            .Select(s => new StockKey(s.Sku, s.LocationCode, s.BinCode, s.Lot))
            .Take(2)
            .ToListAsync(cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 when command.Quantity > 0 => new StockKey(sku, locationCode, StockStore.ResolveBin(locationCode, bins, bin), lot ?? string.Empty),
            0 => throw new BusinessRuleViolationException("AdjustmentWithinAvailableStock", $"There is no stock of {sku} at {locationCode} to remove."),
            _ => throw new BusinessRuleViolationException("AdjustmentNeedsBinAndLot", $"{sku} sits in several bins or lots at {locationCode}: name the bin and lot."),
        };
    }
}
