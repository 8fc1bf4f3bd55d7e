using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Queries;

/// <summary>
/// What Fulfillment's sourcing may plan from for an order: every location with stock of its SKUs, the units of each SKU
/// the order could have there (general stock, plus what the order's own reservation <see cref="ReservationKey"/>
/// already holds there, since sourcing may move it; undrawn pool units are not offered, as a move allocates from
/// general stock). Read-only: nothing is held, and the move that follows is guarded. A null key (a cart being quoted,
/// which holds nothing yet) reads general stock only.
/// </summary>
public sealed record GetSourcingStockQuery(string? ReservationKey, IReadOnlyList<string> Skus) : IQuery<IReadOnlyList<SourcingLocationDto>>;

/// <summary>A candidate ship-from location: <see cref="Type"/> is Warehouse, Store, ThirdParty or Supplier.</summary>
public sealed record SourcingLocationDto(
    string Code, string Name, string Type, string PostalCode, string Region, bool ShipsToConsumers, IReadOnlyList<SourcingSkuDto> Stock);

/// <summary>Units of a SKU the order could take at a location; <see cref="HeldForOrder"/> of them are already its own.</summary>
public sealed record SourcingSkuDto(string Sku, int Available, int HeldForOrder);
