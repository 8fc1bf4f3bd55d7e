using Mediator;
using OrderHub.Modules.Shipping.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Estimates;

/// <summary>
/// Estimates from Shipping's own ground rates (the staff's rate tables, <see cref="GetGroundRateCardQuery"/>): the
/// cheapest carrier that may carry the parcel, priced as Shipping prices a label (billable pounds under the carrier's
/// divisor, the lowest bracket that holds them, residential and adult-signature surcharges, fuel on all of it). The
/// planner asks many times per order and synchronously, so it prices from a snapshot that sourcing, quotes and packing
/// refresh first (<see cref="RefreshAsync"/>: Shipping answers from its cached tables, so this costs microseconds).
/// Before the first refresh, or for a lane no rate table serves, the built-in zone-and-weight estimate answers.
/// </summary>
internal sealed class RateCardCostEstimator(ZoneAndWeightCostEstimator fallback) : IShippingCostEstimator
{
    private volatile IReadOnlyList<GroundRateCardCarrierDto>? _carriers;

    public async Task RefreshAsync(ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        Load(await sender.Send(new GetGroundRateCardQuery(), cancellationToken));
    }

    /// <summary>Prices from <paramref name="card"/> from now on (what <see cref="RefreshAsync"/> read; a benchmark's own card).</summary>
    public void Load(GroundRateCardDto card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _carriers = card.Carriers;
    }

    public decimal Estimate(Lane lane, Parcel parcel, bool containsAlcohol)
    {
        ArgumentNullException.ThrowIfNull(lane);
        ArgumentNullException.ThrowIfNull(parcel);
        decimal? cheapest = null;
        foreach (var carrier in _carriers ?? [])
        {
            if ((!containsAlcohol || carrier.CarriesAlcohol) && Price(carrier, lane, parcel, containsAlcohol) is { } price && (cheapest is null || price < cheapest))
            {
                cheapest = price;
            }
        }

        return cheapest ?? fallback.Estimate(lane, parcel, containsAlcohol);
    }

    /// <summary>One carrier's ground price for the parcel to a residence, or null when its chart or brackets do not take it.</summary>
    /// <remarks>Plain loops: the planner calls this for every location and parcel it weighs (no allocation per call).</remarks>
    internal static decimal? Price(GroundRateCardCarrierDto carrier, Lane lane, Parcel parcel, bool containsAlcohol)
    {
        if (Zip3(lane.OriginPostalCode) is not { } origin || Zip3(lane.DestinationPostalCode) is not { } destination || ZoneOf(carrier, origin, destination) is not { } zone)
        {
            return null;
        }

        var pounds = ZoneAndWeightCostEstimator.BillablePounds(parcel, carrier.DimDivisor);
        BracketDto? bracket = null;
        foreach (var candidate in carrier.Brackets)
        {
            if (candidate.Zone == zone && candidate.UpToPounds >= pounds && (bracket is null || candidate.UpToPounds < bracket.UpToPounds))
            {
                bracket = candidate;
            }
        }

        if (bracket is null)
        {
            return null;
        }

        var total = bracket.BasePrice + (bracket.PricePerPound * pounds) + carrier.ResidentialSurcharge + (containsAlcohol ? carrier.AdultSignatureSurcharge : 0m);
        return Math.Round(total * (1 + (carrier.FuelPercent / 100m)), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The first chart row covering the lane wins, as in Shipping.</summary>
    private static int? ZoneOf(GroundRateCardCarrierDto carrier, string origin, string destination)
    {
        foreach (var row in carrier.Zones)
        {
            if (Within(origin, row.OriginFrom, row.OriginTo) && Within(destination, row.DestinationFrom, row.DestinationTo))
            {
                return row.Zone;
            }
        }

        return null;
    }

    private static bool Within(string zip3, string from, string to) => string.CompareOrdinal(zip3, from) >= 0 && string.CompareOrdinal(zip3, to) <= 0;

    private static string? Zip3(string? postalCode) =>
        postalCode is { Length: >= 3 } && char.IsAsciiDigit(postalCode[0]) && char.IsAsciiDigit(postalCode[1]) && char.IsAsciiDigit(postalCode[2]) ? postalCode[..3] : null;
}
