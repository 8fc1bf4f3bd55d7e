using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Commands;

/// <summary>
/// A pick wave chose the bins and lots: each named reservation's units of each named SKU at the location are held on
/// exactly these bins and lots from now on, so the stock that leaves is the stock the ledger names. All or nothing: a
/// (reservation, SKU) must be pinned in full (as many units as it holds there, else rule ReservationChanged), and if a
/// bin or lot no longer has the units (someone took them since the read) nothing changes and it is a conflict.
/// </summary>
public sealed record PinReservationsCommand(string LocationCode, IReadOnlyList<PinnedUnits> Pins) : ICommand;

/// <summary>Units of a SKU a reservation holds on one bin and lot.</summary>
public sealed record PinnedUnits(string ReservationKey, string Sku, string Bin, string Lot, int Quantity);

/// <summary>
/// A picker found fewer units in a bin and lot than the reservation holds there: those units are not there. On-hand and
/// reserved both drop by <paramref name="Missing"/> on that stock item (a ledger adjustment, reason "ShortPick", naming
/// <paramref name="Reference"/>), and the reservation holds that much less. Idempotent by <paramref name="Reference"/>.
/// </summary>
public sealed record RecordShortPickCommand(string ReservationKey, string LocationCode, string Sku, string Bin, string Lot, int Missing, string Reference) : ICommand;
