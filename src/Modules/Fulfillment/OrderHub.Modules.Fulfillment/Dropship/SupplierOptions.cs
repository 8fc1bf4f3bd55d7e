namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// Suppliers reached over HTTP, bound from <c>OrderHub:Suppliers:&lt;location code&gt;</c> (<c>BaseUrl</c>, <c>ApiToken</c>). A
/// supplier without a <c>BaseUrl</c> goes through the built-in supplier inbox (<see cref="BuiltInSupplierInbox"/>).
/// </summary>
internal sealed class SupplierOptions
{
    public const string SectionName = "OrderHub:Suppliers";

    public Dictionary<string, SupplierEndpointOptions> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SupplierEndpointOptions? For(string supplierCode) =>
        Endpoints.TryGetValue(supplierCode, out var endpoint) && !string.IsNullOrWhiteSpace(endpoint.BaseUrl) ? endpoint : null;
}

/// <summary>One supplier's electronic order desk: POST {BaseUrl}/purchase-orders with a bearer token.</summary>
internal sealed class SupplierEndpointOptions
{
    public string? BaseUrl { get; set; }

    public string? ApiToken { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The buyer printed on dropship purchase orders, bound from <c>OrderHub:Dropship:Buyer</c>.</summary>
internal sealed class DropshipBuyerOptions
{
    public const string SectionName = "OrderHub:Dropship:Buyer";

    public string Name { get; set; } = "OrderHub Winery";

    public string Line1 { get; set; } = "1 Winery Way";

    public string City { get; set; } = "Napa";

    public string Region { get; set; } = "CA";

    public string PostalCode { get; set; } = "94558";

    public string? Phone { get; set; }
}
