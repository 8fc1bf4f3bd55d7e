using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>Each carrier's public tracking page for a number: what the customer follows.</summary>
internal static class TrackingUrls
{
    public static string For(Carrier carrier, string trackingNumber)
    {
        var number = Uri.EscapeDataString(trackingNumber);
        return carrier switch
        {
            Carrier.UPS => $"https://www.ups.com/track?tracknum={number}",
            Carrier.FedEx => $"https://www.fedex.com/fedextrack/?trknbr={number}",
            Carrier.DHL => $"https://www.dhl.com/us-en/home/tracking.html?tracking-id={number}",
            Carrier.USPS => $"https://tools.usps.com/go/TrackConfirmAction?tLabels={number}",
            _ => $"https://track.orderhub.local/courier/{number}",
        };
    }
}
