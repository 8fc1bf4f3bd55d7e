using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>
/// What handling one shipment costs at a location, by kind, when staff have not set the location's own
/// (<c>PUT /api/v1/fulfillment/locations/{code}/settings</c>): a warehouse packs most cheaply, a tasting room's staff
/// least so, a supplier bills its own.
/// </summary>
internal static class LocationCosts
{
    public static decimal HandlingFor(LocationKind kind) => kind switch
    {
        LocationKind.Warehouse => 2.50m,
        LocationKind.Store => 4.00m,
        _ => 0m,
    };

    /// <summary>Inventory's location type as sourcing sees it: a third-party warehouse ships like our own.</summary>
    public static LocationKind KindOf(string inventoryType) => inventoryType switch
    {
        "Store" => LocationKind.Store,
        "Supplier" => LocationKind.Supplier,
        _ => LocationKind.Warehouse,
    };
}
