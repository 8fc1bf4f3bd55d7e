using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Carriers.Simulated;

/// <summary>
/// The built-in carrier desk for demos, tests and carriers with no account configured: sells a label at the carrier's
/// table rate with tracking numbers in the carrier's real format, once per idempotency key (a unique index decides a
/// race, and the loser reads the winner's label), exactly as a carrier API with idempotent requests behaves.
/// </summary>
internal sealed class SimulatedLabelDesk(Carrier carrier, IServiceProvider services) : ICarrierLabels
{
    /// <summary>Account numbers of the demo shipper (carriers.md's worked examples).</summary>
    public static readonly ShipperIds DemoShipper = new("4A7Y96", "1234567", "912345678", "0614141");

    public Carrier Carrier { get; } = carrier;

    public async Task<PurchasedLabel> BuyAsync(LabelPurchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        // The sale is recorded first and read back only when the key was sold before (a retry, or a concurrent purchase):
        // a read before every sale cost each label a query.
        var rate = await RateAsync(purchase, cancellationToken);
        // Its own unit of work: the sale stands whatever the caller does next.
        await using var scope = services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        if (rate is not null)
        {
            var label = NewLabel(purchase, rate);
            desk.Set<SimulatedLabel>().Add(label);
            try
            {
                await desk.SaveChangesAsync(cancellationToken);
                return label.AsPurchased(DemoShipper);
            }
            catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
            {
                // The key was sold before: the carrier answers with that sale.
                desk.ChangeTracker.Clear();
            }
        }

        var sold = await desk.Set<SimulatedLabel>().AsNoTracking().SingleOrDefaultAsync(l => l.Key == purchase.IdempotencyKey, cancellationToken);
        return sold?.AsPurchased(DemoShipper)
            ?? throw (rate is null ? NoRate(purchase) : new InvalidOperationException($"The simulated {Carrier} desk could not record label {purchase.IdempotencyKey}."));
    }

    /// <summary>
    /// Sells a batch in one insert. Its sales are rows in OrderHub's own database: sold side by side, a batch of ten was ten
    /// transactions at once on the checkouts' cores and connections. A key of the batch sold before (a batch run again)
    /// fails the insert, and then each purchase is sold alone, the sold one answered with its first sale.
    /// </summary>
    public async Task<IReadOnlyList<LabelSale>> BuyAllAsync(IReadOnlyList<LabelPurchase> purchases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var labels = new List<(LabelPurchase Purchase, SimulatedLabel? Label)>(purchases.Count);
        foreach (var purchase in purchases)
        {
            var rate = await RateAsync(purchase, cancellationToken);
            labels.Add((purchase, rate is null ? null : NewLabel(purchase, rate)));
        }

        await using var scope = services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        desk.Set<SimulatedLabel>().AddRange(labels.Where(l => l.Label is not null).Select(l => l.Label!));
        try
        {
            await desk.SaveChangesAsync(cancellationToken);

            // The tracking numbers follow from the row numbers the insert gave.
            return [.. labels.Select(l => l.Label is null ? new LabelSale(l.Purchase, null, NoRate(l.Purchase)) : new LabelSale(l.Purchase, l.Label.AsPurchased(DemoShipper), null))];
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
        {
            var alone = new List<LabelSale>(purchases.Count);
            foreach (var purchase in purchases)
            {
                alone.Add(await LabelSale.TryAsync(purchase, BuyAsync, cancellationToken));
            }

            return alone;
        }
    }

    private SimulatedLabel NewLabel(LabelPurchase purchase, CarrierRate rate) =>
        new(purchase.IdempotencyKey, Carrier, purchase.Service, purchase.AdultSignature || purchase.ContainsAlcohol, purchase.Packages.Count, rate.Amount, rate.Currency, DateTimeOffset.UtcNow);

    private InvalidOperationException NoRate(LabelPurchase purchase) => new($"{Carrier} has no {purchase.Service} rate for this shipment.");

    private async Task<CarrierRate?> RateAsync(LabelPurchase purchase, CancellationToken cancellationToken)
    {
        var rates = services.GetServices<ICarrierRates>().Where(r => r.Carrier == Carrier);
        foreach (var carrierRates in rates)
        {
            var offered = await carrierRates.RateAsync(
                new RateRequest(purchase.ShipFrom, purchase.ShipTo, purchase.Packages, purchase.ContainsAlcohol, purchase.AdultSignature), cancellationToken);
            if (offered.FirstOrDefault(r => r.Service == purchase.Service) is { } rate)
            {
                return rate;
            }
        }

        return null;
    }
}
