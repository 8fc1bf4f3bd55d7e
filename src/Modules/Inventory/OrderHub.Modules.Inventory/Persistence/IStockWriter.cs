using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Reservations;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>
/// Reads the availability snapshot a reservation is planned from and applies a plan with guarded updates, all or nothing.
/// One implementation per provider, chosen when the module is registered: <see cref="EfStockWriter"/> (portable) or
/// <see cref="PostgreSqlStockWriter"/> (fewer round trips). Runs inside the command's transaction.
/// </summary>
internal interface IStockWriter
{
    /// <summary>
    /// Whether <paramref name="reservationKey"/> already names a reservation (false when null), and the stock items of
    /// <paramref name="skus"/> with something available (unordered: the planner orders them).
    /// </summary>
    Task<(bool KeyUsed, List<StockCandidate> Stock)> ReadAsync(string? reservationKey, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="reservation"/> (when given) with its allocations and applies every hold as a guarded update:
    /// pool items, then stock items, each merged and in id order (the one lock order every writer uses). True when every
    /// guard held; otherwise what applied is given back (this transaction still has those rows locked, so that cannot
    /// fail), the rows written are deleted, and false is returned: plan again from a fresh snapshot.
    /// </summary>
    Task<bool> TryHoldAllAsync(Reservation? reservation, IReadOnlyList<PlannedHold> holds, CancellationToken cancellationToken);
}
