using System.Security.Cryptography;
using System.Text;

namespace OrderHub.Modules.Shipping.Carriers;

/// <summary>
/// A pickup asked of a carrier for one location and day. <paramref name="IdempotencyKey"/> is
/// <c>pickup:{carrier}:{location}:{date}</c>: the carrier answers a repeated key with the first booking.
/// </summary>
internal sealed record PickupBooking(string IdempotencyKey, Carrier Carrier, string LocationCode, DateOnly Date, TimeOnly ReadyBy, TimeOnly CloseBy, int Packages);

/// <summary>Books pickups with one carrier. Only the built-in desk implements it: the UPS and FedEx pickup APIs are not wired.</summary>
internal interface ICarrierPickups
{
    Carrier Carrier { get; }

    Task<string> BookAsync(PickupBooking booking, CancellationToken cancellationToken);
}

/// <summary>
/// The built-in pickup desk: the confirmation number is derived from the key (carrier prefix and ten characters of its
/// SHA-256), so the same request always gets the same confirmation, as an idempotent carrier API answers.
/// </summary>
internal sealed class SimulatedPickupDesk(Carrier carrier) : ICarrierPickups
{
    public Carrier Carrier { get; } = carrier;

    public Task<string> BookAsync(PickupBooking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.IdempotencyKey)))[..10];
        var prefix = Carrier switch { Carrier.UPS => "2929", Carrier.FedEx => "CPU", Carrier.DHL => "PRG", Carrier.USPS => "WTC", _ => "PU" };
        return Task.FromResult($"{prefix}{hash}");
    }
}
