using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Web.Areas.Shipping.Controllers;

/// <summary>The carrier's public tracking page for a number, for pages that know only the carrier's name (the order page).</summary>
internal static class TrackingLinks
{
    public static string? Url(string? carrier, string? trackingNumber) =>
        !string.IsNullOrEmpty(trackingNumber) && Enum.TryParse<Carrier>(carrier, ignoreCase: false, out var c) && Enum.IsDefined(c)
            ? TrackingNumberFormat.TrackingUrl(c, trackingNumber)?.ToString()
            : null;
}
