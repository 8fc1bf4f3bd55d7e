namespace OrderHub.Modules.Shipping.Rating;

/// <summary>Delivery dates in business days: Saturday and Sunday skipped (holidays are not known yet).</summary>
internal static class BusinessDays
{
    /// <summary>The date <paramref name="days"/> weekdays after <paramref name="from"/> (not counting it).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return date;
    }
}
