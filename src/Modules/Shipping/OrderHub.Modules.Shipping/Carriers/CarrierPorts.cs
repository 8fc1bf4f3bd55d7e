using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Shipping.Carriers;

/// <summary>The carriers OrderHub rates and buys labels with (API.md spells them so).</summary>
internal enum Carrier
{
    UPS,
    FedEx,
    DHL,
    USPS,
    Courier,
}

/// <summary>How fast a service carries a parcel; each carrier names its own services (<see cref="CarrierRate.ServiceName"/>).</summary>
internal enum ServiceLevel
{
    Ground,
    TwoDay,
    Overnight,
}

/// <summary>One package as a carrier measures it (grams and centimetres; rating converts to pounds and inches).</summary>
internal sealed record ShippingParcel(int WeightGrams, int LengthCm, int WidthCm, int HeightCm);

/// <summary>What a rate is asked for: a lane, its packages, and whether wine is inside (alcohol rules, adult signature).</summary>
internal sealed record RateRequest(
    Address From, Address To, IReadOnlyList<ShippingParcel> Packages, bool ContainsAlcohol, bool AdultSignature, bool Residential = true);

/// <summary>One carrier service's price for a whole shipment, and its transit time in business days.</summary>
internal sealed record CarrierRate(Carrier Carrier, ServiceLevel Service, string ServiceName, decimal Amount, string Currency, int TransitDays);

/// <summary>Rates from one carrier (its built-in tables or its API). A carrier that cannot answer throws; the caller names it.</summary>
internal interface ICarrierRates
{
    Carrier Carrier { get; }

    Task<IReadOnlyList<CarrierRate>> RateAsync(RateRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A label bought for a shipment. <paramref name="IdempotencyKey"/> is the shipment's: the carrier (or the built-in desk)
/// returns the first purchase again for a repeated key, so a retried job never pays twice or gets a second number.
/// </summary>
internal sealed record LabelPurchase(
    string IdempotencyKey,
    string Reference,
    Carrier Carrier,
    ServiceLevel Service,
    string ShipFromName,
    Address ShipFrom,
    string ShipToName,
    Address ShipTo,
    IReadOnlyList<ShippingParcel> Packages,
    bool ContainsAlcohol,
    bool AdultSignature,
    DateOnly ShipDate);

/// <summary>
/// What the carrier sold: one tracking number per package (in the request's order) and the price charged.
/// <paramref name="CarrierLabels"/>: the carrier's own 4x6 ZPL label per package when a carrier API printed it (UPS,
/// FedEx), to print as sent; null from the built-in desk, whose labels OrderHub draws itself.
/// </summary>
internal sealed record PurchasedLabel(
    string ShipmentIdentifier, IReadOnlyList<string> TrackingNumbers, decimal Amount, string Currency, IReadOnlyList<string>? CarrierLabels = null);

/// <summary>One purchase of a batch: the label sold, or the refusal or time-out that stopped it.</summary>
internal sealed record LabelSale(LabelPurchase Purchase, PurchasedLabel? Label, Exception? Error)
{
    /// <summary>Buys one label with <paramref name="buy"/>; a failure becomes the sale's error (a cancellation still throws).</summary>
    public static async Task<LabelSale> TryAsync(LabelPurchase purchase, Func<LabelPurchase, CancellationToken, Task<PurchasedLabel>> buy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buy);
        try
        {
            return new LabelSale(purchase, await buy(purchase, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new LabelSale(purchase, null, ex);
        }
    }
}

/// <summary>Buys labels from one carrier. Throws on a refusal or a time-out; the caller's job retries with the same key.</summary>
internal interface ICarrierLabels
{
    Carrier Carrier { get; }

    Task<PurchasedLabel> BuyAsync(LabelPurchase purchase, CancellationToken cancellationToken);

    /// <summary>
    /// Buys a batch, one sale per purchase in their order; one refused does not stop the others. A carrier API sells a
    /// label a call, so the calls go side by side (each waits on the carrier's servers); a desk that sells locally
    /// overrides this to sell the batch in one go.
    /// </summary>
    async Task<IReadOnlyList<LabelSale>> BuyAllAsync(IReadOnlyList<LabelPurchase> purchases, CancellationToken cancellationToken) =>
        await Task.WhenAll(purchases.Select(p => LabelSale.TryAsync(p, BuyAsync, cancellationToken)));
}
