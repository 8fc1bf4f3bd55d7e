namespace OrderHub.Modules.Shipping;

/// <summary><c>OrderHub:Shipping</c>: what the module needs to talk to carriers.</summary>
internal sealed class ShippingOptions
{
    public const string Section = "OrderHub:Shipping";

    /// <summary>
    /// The shared secret carriers (or the tracking aggregator) sign tracking events with: HMAC-SHA256 of the raw body,
    /// sent as <c>X-OrderHub-Signature: sha256=&lt;hex&gt;</c>. Required: the host does not start without it.
    /// </summary>
    public string? TrackingWebhookSecret { get; set; }
}
