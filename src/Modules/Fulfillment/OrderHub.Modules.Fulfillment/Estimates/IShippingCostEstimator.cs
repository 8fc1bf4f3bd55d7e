namespace OrderHub.Modules.Fulfillment.Estimates;

/// <summary>Where a parcel goes: origin and destination ZIP codes (five digits) and the destination state.</summary>
internal sealed record Lane(string OriginPostalCode, string DestinationPostalCode, string DestinationRegion);

/// <summary>A parcel as rating sees it; zero dimensions mean "not boxed yet" and rate on actual weight alone.</summary>
internal sealed record Parcel(int WeightGrams, int LengthCm = 0, int WidthCm = 0, int HeightCm = 0);

/// <summary>
/// The estimated cost of carrying one parcel on a lane. Sourcing and cartonization both price with it; Shipping's rate
/// tables answer it once that module exists, until then the built-in zone-and-weight estimate does.
/// </summary>
internal interface IShippingCostEstimator
{
    decimal Estimate(Lane lane, Parcel parcel, bool containsAlcohol);
}
