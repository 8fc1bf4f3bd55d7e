namespace OrderHub.Modules.Shipping.Delivery;

/// <summary>Carriers move parcels Monday to Friday: a ship date and a delivery date are business days.</summary>
internal static class BusinessDays
{
    /// <summary><paramref name="date"/> when it is a business day, else the next one.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (IsWeekend(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The business day <paramref name="days"/> business days after <paramref name="from"/>.</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        var date = from;
        for (var left = days; left > 0;)
        {
            date = date.AddDays(1);
            if (!IsWeekend(date))
            {
                left--;
            }
        }

        return date;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
