namespace OrderHub.Modules.Shipping.Rating;

/// <summary>Delivery dates of rates: the carrier calendar of <see cref="Delivery.BusinessDays"/> (weekends and carrier holidays skipped).</summary>
internal static class BusinessDays
{
    /// <summary>The business day <paramref name="days"/> business days after <paramref name="from"/> (not counting it).</summary>
    public static DateOnly Add(DateOnly from, int days) => Delivery.BusinessDays.Add(from, days);
}
