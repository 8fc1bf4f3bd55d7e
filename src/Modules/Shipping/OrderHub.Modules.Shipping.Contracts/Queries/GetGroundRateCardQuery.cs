using Mediator;

namespace OrderHub.Modules.Shipping.Contracts.Queries;

/// <summary>
/// The staff's ground rates as data, for estimates outside Shipping (Fulfillment prices every ship-from location it
/// considers, many times per order, so it keeps a snapshot rather than asking per parcel). Only carriers that may carry
/// wine here are marked <see cref="GroundRateCardCarrierDto.CarriesAlcohol"/>.
/// </summary>
public sealed record GetGroundRateCardQuery : IQuery<GroundRateCardDto>;

public sealed record GroundRateCardDto(IReadOnlyList<GroundRateCardCarrierDto> Carriers);

/// <summary>
/// One carrier's ground service: zone chart rows (ZIP3 ranges, first match wins), brackets by zone (the lowest that
/// holds the billable pounds applies: base + per pound), the dimensional divisor, per-package surcharges and fuel (percent
/// on all of it).
/// </summary>
public sealed record GroundRateCardCarrierDto(
    string Carrier,
    bool CarriesAlcohol,
    int DimDivisor,
    decimal FuelPercent,
    decimal ResidentialSurcharge,
    decimal AdultSignatureSurcharge,
    IReadOnlyList<ZoneRowDto> Zones,
    IReadOnlyList<BracketDto> Brackets);

public sealed record ZoneRowDto(string OriginFrom, string OriginTo, string DestinationFrom, string DestinationTo, int Zone);

public sealed record BracketDto(int Zone, int UpToPounds, decimal BasePrice, decimal PricePerPound);
