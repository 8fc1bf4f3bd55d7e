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
        // Its own unit of work: the sale stands whatever the caller does next, and a batch's purchases run side by side.
        await using var scope = services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        if (rate is not null)
        {
            var label = new SimulatedLabel(purchase.IdempotencyKey, Carrier, purchase.Service, purchase.AdultSignature || purchase.ContainsAlcohol, purchase.Packages.Count, rate.Amount, rate.Currency, DateTimeOffset.UtcNow);
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
        return sold?.AsPurchased(DemoShipper) ?? throw new InvalidOperationException(rate is null
            ? $"{Carrier} has no {purchase.Service} rate for this shipment."
            : $"The simulated {Carrier} desk could not record label {purchase.IdempotencyKey}.");
    }

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
