using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Commands;

/// <summary>
/// Holds stock for every line, or for none. Idempotent by <paramref name="ReservationKey"/>: a repeat returns the first
/// successful result. A refusal (<see cref="StockReservationDto.Reserved"/> false, with shortages) holds nothing and is not
/// remembered, so a later retry with the same key may succeed once stock arrives. An unknown SKU is a
/// BusinessRuleViolationException naming it. Holds expire after <c>OrderHub:Inventory:ReservationExpiry</c>.
/// </summary>
/// <param name="ReservationKey">Idempotency key of the hold, e.g. "order:{id}".</param>
/// <param name="Channel">The selling channel (for allocation pools and reports).</param>
/// <param name="Lines">Every line is reserved, or none.</param>
/// <param name="HoldFor">How long an unused hold lives: null = the configured default (abandoned carts);
/// <see cref="Timeout.InfiniteTimeSpan"/> = until committed or released (an order's reservation).</param>
/// <param name="CustomerTag">Optional customer tag (e.g. "club-gold"): allocation pools of the channel that target this tag
/// may be drawn as well as the channel's untagged pools.</param>
/// <param name="ReplaceIfLinesDiffer">When the key names an active reservation holding other lines (an order changed while
/// it waited), replace them with these, all or nothing (<see cref="ReplaceReservationCommand"/>), instead of returning it.</param>
public sealed record ReserveStockCommand(
    string ReservationKey, string Channel, IReadOnlyList<StockLine> Lines, TimeSpan? HoldFor = null, string? CustomerTag = null, bool ReplaceIfLinesDiffer = false)
    : ICommand<StockReservationDto>;

/// <summary>
/// One SKU and quantity (in sellable units) to reserve. A kit SKU reserves its components. With a
/// <paramref name="LocationCode"/> the units are held at that location only: sourcing's choice of ship-from location,
/// applied by <see cref="ReplaceReservationCommand"/>; without one, Inventory's own preference decides.
/// </summary>
public sealed record StockLine(string Sku, int Quantity, string? LocationCode = null);

/// <summary>The answer to a reservation: what is held where, or what is short.</summary>
public sealed record StockReservationDto(string ReservationKey, bool Reserved, IReadOnlyList<ReservedStockDto> Allocations, IReadOnlyList<StockShortageDto> Shortages);

/// <summary>Quantity held in one bin and lot of one location.</summary>
public sealed record ReservedStockDto(string Sku, string LocationCode, string BinCode, string Lot, int Quantity);

/// <summary>A line that could not be held in full: <see cref="Available"/> is what could have been held.</summary>
public sealed record StockShortageDto(string Sku, int Requested, int Available);

/// <summary>
/// Changes an active reservation to a new complete set of lines, all or nothing (order edits, and sourcing moving an
/// order's units to the locations it ships from): when the new set cannot be held, the old one stays exactly as it was
/// and the answer carries the shortages.
/// </summary>
/// <param name="ReservationKey">The active reservation to change.</param>
/// <param name="Lines">The complete new set of lines; a line naming a location is held there only.</param>
/// <param name="MoveOnly">Sourcing's move: the lines must hold exactly what the reservation holds now, SKU by SKU, only
/// elsewhere; otherwise (the order changed since it was read) it is refused with rule ReservationChanged, nothing moved.</param>
public sealed record ReplaceReservationCommand(string ReservationKey, IReadOnlyList<StockLine> Lines, bool MoveOnly = false) : ICommand<StockReservationDto>;

/// <summary>Releases everything held by the key. Idempotent: true when this call released something, false otherwise.</summary>
public sealed record ReleaseStockCommand(string ReservationKey, string Reason) : ICommand<bool>;

/// <summary>
/// On shipment: on-hand and reserved both drop by the held quantities and ledger rows are written. True when this call
/// committed, false when the key was already committed; 422 when it was released or expired; 404 when unknown.
/// With <paramref name="LocationCode"/> only the units held there leave (one shipment of a split order), recorded under
/// <paramref name="Reference"/> (e.g. "shipment:{id}"), once; the reservation is Committed when nothing is left in it.
/// </summary>
public sealed record CommitStockCommand(string ReservationKey, string? LocationCode = null, string? Reference = null) : ICommand<bool>;
