namespace OrderHub.Modules.Inventory.Features.PullSupplierFeeds;

/// <summary>
/// Suppliers whose stock is pulled, bound from <c>OrderHub:SupplierFeeds:&lt;location code&gt;</c> (<c>Url</c>, optional
/// <c>ApiToken</c>, <c>Timeout</c>). A supplier without a <c>Url</c> is not pulled.
/// </summary>
internal sealed class SupplierFeedOptions
{
    public const string SectionName = "OrderHub:SupplierFeeds";

    public Dictionary<string, SupplierFeedEndpointOptions> Suppliers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SupplierFeedEndpointOptions? For(string locationCode) =>
        Suppliers.TryGetValue(locationCode, out var endpoint) && !string.IsNullOrWhiteSpace(endpoint.Url) ? endpoint : null;

    /// <summary>The location codes with a feed URL, in order.</summary>
    public IReadOnlyList<string> Pulled => [.. Suppliers.Where(s => !string.IsNullOrWhiteSpace(s.Value.Url)).Select(s => s.Key).Order(StringComparer.Ordinal)];
}

/// <summary>One supplier's stock endpoint: <c>GET {Url}</c> with a bearer token, answering <c>{ asOf, items: [ { sku, quantity } ] }</c>.</summary>
internal sealed class SupplierFeedEndpointOptions
{
    public string? Url { get; set; }

    public string? ApiToken { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
