using System.Net;

namespace OrderHub.Modules.Shipping.Carriers;

/// <summary>
/// A carrier's API refused or failed a call: the message names the carrier, the call, the HTTP status and the carrier's
/// own error code and message. <see cref="IsTransient"/> (5xx, 408, 429) may succeed when asked again.
/// </summary>
internal sealed class CarrierApiException(Carrier carrier, string operation, HttpStatusCode status, string? code, string carrierMessage)
    : Exception($"{carrier} {operation} failed ({(int)status}){(string.IsNullOrEmpty(code) ? string.Empty : $" {code}")}: {carrierMessage}")
{
    public Carrier Carrier { get; } = carrier;

    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;

    public string CarrierMessage { get; } = carrierMessage;

    public bool IsTransient => (int)Status >= 500 || Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
