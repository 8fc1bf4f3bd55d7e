using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Reservations;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>The portable writer: EF Core, one guarded <c>UPDATE</c> per row, stopping at the first refusal.</summary>
internal sealed class EfStockWriter(InventoryDbContext db, StockStore stock, PoolStore pools) : IStockWriter
{
    public async Task<(bool KeyUsed, List<StockCandidate> Stock)> ReadAsync(
        string? reservationKey, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        if (reservationKey is not null && await db.Reservations.AsNoTracking().AnyAsync(r => r.Key == reservationKey, cancellationToken))
        {
            return (true, []);
        }

        return (false, await stock.SnapshotAsync(skus, locationCode: null, lot: null, cancellationToken));
    }

    public async Task<bool> TryHoldAllAsync(Reservation? reservation, IReadOnlyList<PlannedHold> holds, CancellationToken cancellationToken)
    {
        if (reservation is not null)
        {
            await SaveWithoutAutoSavepointAsync(reservation, cancellationToken);
        }

        var (draws, reserves) = InLockOrder(holds);
        var drawn = new List<(long Id, int Quantity)>();
        foreach (var (id, quantity) in draws)
        {
            if (await pools.TryDrawAsync(id, quantity, cancellationToken) != 1)
            {
                await UndoAsync(reservation, drawn, [], cancellationToken);
                return false;
            }

            drawn.Add((id, quantity));
        }

        var applied = new List<(long Id, int Quantity)>();
        foreach (var (id, quantity) in reserves)
        {
            if (await stock.TryReserveAsync(id, quantity, cancellationToken) != 1)
            {
                await UndoAsync(reservation, drawn, applied, cancellationToken);
                return false;
            }

            applied.Add((id, quantity));
        }

        return true;
    }

    /// <summary>The pool draws and the stock holds of a plan, each merged per row and in ascending id order.</summary>
    public static (List<(long Id, int Quantity)> Draws, List<(long Id, int Quantity)> Reserves) InLockOrder(IEnumerable<PlannedHold> holds)
    {
        var list = holds.ToList();
        return (Merge(list.Where(h => h.PoolItemId is not null).Select(h => (h.PoolItemId!.Value, h.Quantity))),
                Merge(list.Where(h => h.PoolItemId is null).Select(h => (h.StockItemId, h.Quantity))));

        static List<(long, int)> Merge(IEnumerable<(long Id, int Quantity)> rows) =>
            [.. rows.GroupBy(r => r.Id).Select(g => (g.Key, g.Sum(r => r.Quantity))).OrderBy(r => r.Item1)];
    }

    /// <summary>Gives back the pool draws and stock holds that applied and deletes the reservation rows written for this attempt.</summary>
    public async Task UndoAsync(
        Reservation? reservation, IReadOnlyList<(long Id, int Quantity)> drawn, IReadOnlyList<(long Id, int Quantity)> applied, CancellationToken cancellationToken)
    {
        var key = reservation?.Key ?? "a replacement";
        foreach (var (id, quantity) in applied)
        {
            if (await stock.UnreserveAsync(id, quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Stock item {id} holds less than the {quantity} just reserved by '{key}'.");
            }
        }

        foreach (var (id, quantity) in drawn)
        {
            if (await pools.UndrawAsync(id, quantity, cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Pool item {id} could not take back the {quantity} just drawn by '{key}'.");
            }
        }

        if (reservation is null)
        {
            return;
        }

        await db.ReservationAllocations.Where(a => a.ReservationKey == reservation.Key).ExecuteDeleteAsync(cancellationToken);
        await db.Reservations.Where(r => r.Key == reservation.Key).ExecuteDeleteAsync(cancellationToken);
        foreach (var allocation in reservation.Allocations)
        {
            db.Entry(allocation).State = EntityState.Detached;
        }

        db.Entry(reservation).State = EntityState.Detached;
    }

    private async Task SaveWithoutAutoSavepointAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        db.Reservations.Add(reservation);
        var auto = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false; // the command's transaction already covers this save
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = auto;
        }
    }
}
