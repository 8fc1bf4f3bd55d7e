using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Orders.Placement;

/// <summary>How a refused reservation reads on a hold, a timeline entry or a 422: "SKU: n requested, m available; ...".</summary>
internal static class StockShortages
{
    public static string Describe(IEnumerable<StockShortageDto> shortages) =>
        string.Join("; ", shortages.Select(s => $"{s.Sku}: {s.Requested} requested, {s.Available} available"));
}
