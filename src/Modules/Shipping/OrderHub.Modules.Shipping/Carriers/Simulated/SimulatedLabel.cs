using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Carriers.Simulated;

/// <summary>
/// A label the built-in carrier desk sold, remembered under the buyer's idempotency key as a real carrier does: a
/// repeated purchase gets this one back. Its tracking numbers follow from its row number, so they are never stored twice
/// or lost between two saves.
/// </summary>
internal sealed class SimulatedLabel
{
    /// <summary>Packages numbered per label: serials <c>Id * MaxPackages + n</c> never collide.</summary>
    public const int MaxPackages = 20;

    private SimulatedLabel()
    {
    }

    public SimulatedLabel(string key, Carrier carrier, ServiceLevel service, bool adultSignature, int packageCount, decimal amount, string currency, DateTimeOffset soldAt)
    {
        if (packageCount is < 1 or > MaxPackages)
        {
            throw new ArgumentOutOfRangeException(nameof(packageCount), packageCount, $"A simulated label covers 1 to {MaxPackages} packages.");
        }

        (Key, Carrier, Service, AdultSignature, PackageCount, Amount, Currency, SoldAt) = (key, carrier, service, adultSignature, packageCount, amount, currency, soldAt);
    }

    public long Id { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public Carrier Carrier { get; private set; }

    public ServiceLevel Service { get; private set; }

    public bool AdultSignature { get; private set; }

    public int PackageCount { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public DateTimeOffset SoldAt { get; private set; }

    public PurchasedLabel AsPurchased(ShipperIds ids)
    {
        var max = TrackingNumberFormat.MaxSerial(Carrier, Service, ids) + 1;
        var numbers = Enumerable.Range(0, PackageCount)
            .Select(n => TrackingNumberFormat.Create(Carrier, Service, AdultSignature, ((Id * MaxPackages) + n) % max, ids))
            .ToList();
        return new PurchasedLabel(numbers[0], numbers, Amount, Currency);
    }
}
