using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Queries;

/// <summary>
/// What a pick wave at one location may take, per bin and lot of the SKUs the given reservations hold there: the units
/// free there plus the units these reservations already hold on that bin and lot (the wave may move an order's hold to
/// another lot of the same SKU at the location, <see cref="Commands.PinReservationsCommand"/>). Rows with nothing to take
/// are left out; expired and quarantined lots are included and flagged, for the planner to skip and the picker to be told.
/// </summary>
public sealed record GetPickableStockQuery(string LocationCode, IReadOnlyList<string> ReservationKeys) : IQuery<IReadOnlyList<PickableStockDto>>;

/// <summary>One bin and lot of a SKU at the location and the units a wave may take from it.</summary>
public sealed record PickableStockDto(string Bin, string Sku, string Lot, int Available, DateOnly ReceivedOn, DateOnly? ExpiresOn, bool Quarantined);
