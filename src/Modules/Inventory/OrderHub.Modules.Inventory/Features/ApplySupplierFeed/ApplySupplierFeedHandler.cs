using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.IntegrationEvents;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

/// <summary>
/// Sets a Supplier location's stock to what the supplier reports. Per stock item the database decides: a guarded
/// <c>UPDATE StockItems SET OnHand = Reserved + @available WHERE Id = @id AND OnHand = @seen AND Reserved = @seenReserved</c>,
/// so units reserved for orders stay reserved whatever happens meanwhile, and the ledger row (Adjustment, reason
/// <c>SupplierFeed</c>) carries the exact change. A SKU's feed quantity goes on its first stock item (by id) there, its
/// other items (other bins or lots) are taken to 0 available. Stale feeds (asOf earlier than the last applied one) change
/// nothing; the checkpoint moves with a guarded update too.
/// </summary>
internal sealed class ApplySupplierFeedHandler(
    InventoryDbContext db, StockStore stock, TimeProvider clock, ILogger<ApplySupplierFeedHandler> logger)
    : ICommandHandler<ApplySupplierFeedCommand, SupplierFeedResultDto>
{
    public const string Reason = "SupplierFeed";

    private const int Attempts = 8;

    public async ValueTask<SupplierFeedResultDto> Handle(ApplySupplierFeedCommand command, CancellationToken cancellationToken)
    {
        var code = command.LocationCode!.Trim();
        var location = await db.Locations.AsNoTracking().Include(l => l.Bins).SingleOrDefaultAsync(l => l.Code == code, cancellationToken)
            ?? throw new NotFoundException("Location", code);
        if (location.Type != LocationType.Supplier)
        {
            throw new BusinessRuleViolationException("SupplierFeedNeedsSupplierLocation",
                $"Location '{code}' is a {location.Type} location: a supplier stock feed only sets stock at a Supplier location.");
        }

        var now = clock.GetUtcNow();
        var asOf = (command.AsOf ?? now).ToUniversalTime();
        if (!await MoveCheckpointAsync(code, asOf, now, cancellationToken))
        {
            logger.LogInformation("Ignored a stale stock feed of supplier {LocationCode} as of {AsOf}", code, asOf);
            return new SupplierFeedResultDto(code, asOf, Applied: false, 0, 0, 0, []);
        }

        var feed = command.Items!.ToDictionary(l => l.Sku!.Trim(), l => l.Quantity, StringComparer.Ordinal);
        var skus = feed.Keys.ToList();
        var stocked = (await db.Products.Where(p => skus.Contains(p.Sku) && !p.Components.Any()).Select(p => p.Sku).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var unknown = skus.Where(s => !stocked.Contains(s)).Order(StringComparer.Ordinal).ToList();
        var reference = $"supplier-feed:{code}:{asOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}";

        // Every stock item at the location gets a target availability; updated in ascending id order (the lock order).
        var items = await db.StockItems.AsNoTracking().Where(s => s.LocationCode == code).OrderBy(s => s.Id)
            .Select(s => new Seen(s.Id, s.Sku, s.LocationCode, s.BinCode, s.Lot, s.OnHand, s.Reserved)).ToListAsync(cancellationToken);
        var changes = new Dictionary<string, (bool Changed, int Change)>(StringComparer.Ordinal);
        var first = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var target = stocked.Contains(item.Sku) && first.Add(item.Sku) ? feed[item.Sku] : 0;
            var change = await SetAvailableAsync(item, target, reference, now, cancellationToken);
            var (changed, total) = changes.GetValueOrDefault(item.Sku);
            changes[item.Sku] = (changed || change != 0, total + change);
        }

        // SKUs new at this location: received into its default bin, no lot.
        var bins = location.Bins.Select(b => b.Code).Order(StringComparer.Ordinal).ToList();
        foreach (var sku in stocked.Where(s => !first.Contains(s) && feed[s] > 0).Order(StringComparer.Ordinal))
        {
            var key = new StockKey(sku, code, StockStore.ResolveBin(code, bins, null), string.Empty);
            await stock.AddOnHandAsync(key, feed[sku], DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            db.StockMovements.Add(StockMovement.Record(StockMovementType.Adjustment, key, feed[sku], reference, now, Reason));
            changes[sku] = (true, feed[sku]);
        }

        var updated = stocked.Count(s => changes.TryGetValue(s, out var c) && c.Changed);
        var zeroed = changes.Count(c => !stocked.Contains(c.Key) && c.Value.Changed);
        var wentUp = changes.Where(c => c.Value.Change > 0).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        if (wentUp.Count > 0)
        {
            db.AddIntegrationEvent(new StockArrivedIntegrationEvent(code, wentUp, reference)); // serves waiting backorders
        }

        logger.LogInformation(
            "Applied the stock feed of supplier {LocationCode} as of {AsOf}: {Updated} updated, {Zeroed} zeroed, {Unknown} unknown SKU(s)",
            code, asOf, updated, zeroed, unknown.Count);
        return new SupplierFeedResultDto(code, asOf, Applied: true, updated, stocked.Count - updated, zeroed, unknown);
    }

    /// <summary>Moves the location's checkpoint to <paramref name="asOf"/> unless a later feed was applied; false when stale.</summary>
    private async Task<bool> MoveCheckpointAsync(string code, DateTimeOffset asOf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var moved = await db.SupplierFeedCheckpoints.Where(c => c.LocationCode == code && c.LastAsOf <= asOf)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastAsOf, asOf).SetProperty(c => c.AppliedAt, now), cancellationToken);
        if (moved == 1)
        {
            return true;
        }

        if (await db.SupplierFeedCheckpoints.AnyAsync(c => c.LocationCode == code, cancellationToken))
        {
            return false;
        }

        db.SupplierFeedCheckpoints.Add(SupplierFeedCheckpoint.Start(code, asOf, now)); // a concurrent first feed fails on the key (409)
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Sets one stock item's available units to <paramref name="target"/> (OnHand = Reserved + target), guarded on the
    /// on-hand and reserved last seen so the ledger row holds the exact change; re-read and retried when another
    /// transaction moved them. Returns the change of on-hand (= of available).
    /// </summary>
    private async Task<int> SetAvailableAsync(Seen seen, int target, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (onHand, reserved) = (seen.OnHand, seen.Reserved);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var change = target - (onHand - reserved);
            if (change == 0)
            {
                return 0;
            }

            var rows = await db.StockItems.Where(s => s.Id == seen.Id && s.OnHand == onHand && s.Reserved == reserved)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.Reserved + target), cancellationToken);
            if (rows == 1)
            {
                db.StockMovements.Add(StockMovement.Record(
                    StockMovementType.Adjustment, new StockKey(seen.Sku, seen.LocationCode, seen.BinCode, seen.Lot), change, reference, now, Reason));
                return change;
            }

            var current = await db.StockItems.AsNoTracking().Where(s => s.Id == seen.Id).Select(s => new { s.OnHand, s.Reserved }).SingleAsync(cancellationToken);
            (onHand, reserved) = (current.OnHand, current.Reserved);
        }

        throw new ConflictException($"Stock of {seen.Sku} at {seen.LocationCode} kept changing while the supplier feed was applied: send the feed again.");
    }

    private sealed record Seen(long Id, string Sku, string LocationCode, string BinCode, string Lot, int OnHand, int Reserved);
}
