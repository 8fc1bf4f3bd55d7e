using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Modules.Shipping.Rating;

namespace Sourcing.Bench;

/// <summary>Shipping's built-in rate tables as the ground rate card the host hands Fulfillment (UPS and FedEx carry wine, as configured in Development).</summary>
internal static class ShippingRateCard
{
    public static GroundRateCardDto Defaults() => new(
        [.. DefaultRateTables.All.Where(t => t.Services.Any(s => s.Service == ServiceLevel.Ground)).Select(t => new GroundRateCardCarrierDto(
            t.Carrier.ToString(), t.Carrier is Carrier.UPS or Carrier.FedEx, t.DimDivisor, t.FuelPercent, t.ResidentialSurcharge, t.AdultSignatureSurcharge,
            [.. t.Zones.Select(z => new ZoneRowDto(z.OriginFrom, z.OriginTo, z.DestinationFrom, z.DestinationTo, z.Zone))],
            [.. t.Services.Single(s => s.Service == ServiceLevel.Ground).Brackets.Select(b => new BracketDto(b.Zone, b.UpToPounds, b.BasePrice, b.PricePerPound))]))]);
}
