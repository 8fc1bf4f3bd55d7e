using Mediator;

namespace OrderHub.Modules.Shipping.Features.RateShipment;

/// <summary>
/// <c>POST /api/v1/shipping/rates</c>: what each carrier charges to carry these packages from a location to an address.
/// A read (nothing is bought), whatever its verb.
/// </summary>
internal sealed record RateShipmentQuery : IQuery<RateShipmentResult>
{
    public string? FromLocationCode { get; init; }

    public RateAddressInput? To { get; init; }

    public IReadOnlyList<RatePackageInput>? Packages { get; init; }

    public bool? ContainsAlcohol { get; init; }

    /// <summary>Adult signature on every package; always on for alcohol.</summary>
    public bool? AdultSignature { get; init; }
}

internal sealed record RateAddressInput(string? Line1, string? City, string? Region, string? PostalCode, string? Country);

internal sealed record RatePackageInput(int WeightGrams, int LengthCm, int WidthCm, int HeightCm);

/// <summary>One offer: <see cref="Service"/> is Ground, TwoDay or Overnight, <see cref="ServiceName"/> as the carrier names it.</summary>
internal sealed record ShippingRateDto(
    string Carrier, string Service, string ServiceName, decimal Amount, string Currency, int TransitDays, DateOnly EstimatedDelivery);

/// <summary>The offers, cheapest first, and the carriers left out (the endpoint names them in a response header).</summary>
internal sealed record RateShipmentResult(IReadOnlyList<ShippingRateDto> Rates, IReadOnlyList<string> Warnings);
