namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Idempotency keys the placement flow hands to other modules: one per order and step, so a resumed or
/// repeated step never reserves, decides or charges twice.</summary>
internal static class PlacementKeys
{
    public static string Stock(Guid orderId) => $"order:{orderId:N}";

    public static string Compliance(Guid orderId, int version) => $"order:{orderId:N}:compliance:{version}";

    public static string Authorization(Guid orderId, int attempt) => $"order:{orderId:N}:authorize:{attempt}";

    public static string Void(Guid orderId, int version) => $"order:{orderId:N}:void:{version}";
}
