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

    /// <summary>
    /// The shipper's GS1 company prefix (7 to 10 digits) inside every carton's SSCC-18; the default is GS1's worked
    /// example (carriers.md section 2), for demos: a shipper sets its own.
    /// </summary>
    public string Gs1CompanyPrefix { get; set; } = "0614141";

    /// <summary>The SSCC extension digit (0-9) the shipper chose for its cartons.</summary>
    public int SsccExtensionDigit { get; set; }

    /// <summary>
    /// How many labels a second a release (<c>POST /api/v1/shipping/releases</c>) buys: 5,000 in 100 s at the default 50,
    /// leaving most of a small host to the checkouts. 1 to 1,000.
    /// </summary>
    public int ReleaseLabelsPerSecond { get; set; } = 50;
}
