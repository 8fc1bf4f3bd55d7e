using Mediator;

namespace OrderHub.Modules.Shipping.Contracts.Queries;

/// <summary>
/// What the customer pays for carriage (not what a carrier charges us): Orders adds it to an order's total at checkout and
/// Fulfillment's cart quote shows it, so a quoted cart and the order placed from it are charged alike. The merchant's
/// charging rule is Shipping's (<c>OrderHub:Shipping:CheckoutCharge</c>). <see cref="Service"/> is <c>Ground</c>,
/// <c>TwoDay</c>, <c>Overnight</c> or <c>Pickup</c> (a carry-out sale: nothing to carry, no charge).
/// </summary>
public sealed record QuoteShippingChargeQuery(string Service, ShippingChargeDestination To, IReadOnlyList<ShippingChargeLine> Lines) : IQuery<ShippingChargeDto>;

/// <summary>Where the goods go (the ZIP prices the lane when the charge follows carrier rates).</summary>
public sealed record ShippingChargeDestination(string Country, string Region, string PostalCode);

/// <summary>Units of one product: <see cref="UnitPrice"/> counts toward a free-shipping threshold, the weight toward a carrier rate.</summary>
public sealed record ShippingChargeLine(int Quantity, decimal UnitPrice, int WeightGrams, bool IsAlcohol);

/// <summary>The charge and how it was reckoned (<see cref="Basis"/>, e.g. <c>"2 boxes x 25.00 (Ground)"</c>), for the order's timeline and support.</summary>
public sealed record ShippingChargeDto(decimal Amount, string Currency, string Basis);
