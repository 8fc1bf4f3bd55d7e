namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Idempotency keys the placement flow hands to other modules: one per order and step, so a resumed or
/// repeated step never reserves, decides or charges twice.</summary>
internal static class PlacementKeys
{
    private const string StockPrefix = "order:";

    public static string Stock(Guid orderId) => $"{StockPrefix}{orderId:N}";

    /// <summary>The order whose placement reservation <paramref name="key"/> is (<see cref="Stock"/>), else null.</summary>
    public static Guid? OrderOfStock(string key) =>
        key.StartsWith(StockPrefix, StringComparison.Ordinal) && Guid.TryParseExact(key[StockPrefix.Length..], "N", out var id) ? id : null;

    public static string Compliance(Guid orderId, int version) => $"order:{orderId:N}:compliance:{version}";

    public static string Authorization(Guid orderId, int attempt) => $"order:{orderId:N}:authorize:{attempt}";

    public static string Void(Guid orderId, int version) => $"order:{orderId:N}:void:{version}";
}
