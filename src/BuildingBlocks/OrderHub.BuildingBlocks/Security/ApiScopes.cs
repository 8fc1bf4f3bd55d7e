namespace OrderHub.BuildingBlocks.Security;

/// <summary>API-key scopes; each is also the name of the authorization policy that requires it.</summary>
public static class ApiScopes
{
    public const string OrdersRead = "orders:read";
    public const string OrdersWrite = "orders:write";
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string CatalogRead = "catalog:read";
    public const string CatalogWrite = "catalog:write";
    public const string ComplianceRead = "compliance:read";
    public const string ComplianceWrite = "compliance:write";
    public const string PaymentsRead = "payments:read";
    public const string PaymentsWrite = "payments:write";
    public const string FulfillmentRead = "fulfillment:read";
    public const string FulfillmentWrite = "fulfillment:write";
    public const string ShippingRead = "shipping:read";
    public const string ShippingWrite = "shipping:write";
    public const string NotificationsRead = "notifications:read";
    public const string NotificationsWrite = "notifications:write";

    /// <summary>Manage outbound webhook subscriptions and their deliveries.</summary>
    public const string WebhooksWrite = "webhooks:write";
    public const string SystemRead = "system:read";

    /// <summary>The claim type carrying one granted scope per claim.</summary>
    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All =
    [
        OrdersRead, OrdersWrite, InventoryRead, InventoryWrite, CatalogRead, CatalogWrite,
        ComplianceRead, ComplianceWrite, PaymentsRead, PaymentsWrite, FulfillmentRead, FulfillmentWrite,
        ShippingRead, ShippingWrite, NotificationsRead, NotificationsWrite, WebhooksWrite, SystemRead,
    ];
}
