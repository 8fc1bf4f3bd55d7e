using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Commands;

/// <summary>
/// A pick wave chose the bins and lots: each named reservation's units of each named SKU at the location are held on
/// exactly these bins and lots from now on, so the stock that leaves is the stock the ledger names. Units of a named
/// (reservation, SKU) the pins leave out are given back: the wave could not pick them (an expired or quarantined lot),
/// and Fulfillment sources them again; a pin of quantity 0 names a (reservation, SKU) with nothing pickable. All or
/// nothing: pinning more than is held is rule ReservationChanged, and a bin or lot that no longer has the units (someone
/// took them since the read) is a conflict; either way nothing changes.
/// </summary>
public sealed record PinReservationsCommand(string LocationCode, IReadOnlyList<PinnedUnits> Pins) : ICommand;

/// <summary>Units of a SKU a reservation holds on one bin and lot (0: none of it can be picked here).</summary>
public sealed record PinnedUnits(string ReservationKey, string Sku, string Bin, string Lot, int Quantity);

/// <summary>
/// A picker found fewer units in a bin and lot than the reservation holds there: those units are not there. On-hand and
/// reserved both drop by <paramref name="Missing"/> on that stock item (a ledger adjustment, reason "ShortPick", naming
/// <paramref name="Reference"/>), and the reservation holds that much less. Idempotent by <paramref name="Reference"/>.
/// </summary>
public sealed record RecordShortPickCommand(string ReservationKey, string LocationCode, string Sku, string Bin, string Lot, int Missing, string Reference) : ICommand;
