using System.Collections.Concurrent;
using NodaTime;
using NodaTime.Extensions;
using PublicHoliday;

namespace OrderHub.Modules.Shipping.Delivery;

/// <summary>
/// The US carrier calendar: UPS and FedEx Ground pick up and deliver Monday to Friday except the six federal holidays
/// both carriers close for: New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving and Christmas, on the
/// day the federal calendar observes them (a Saturday holiday closes the Friday before, a Sunday one the Monday after;
/// PublicHoliday's <see cref="USAPublicHoliday"/> computes both). The other federal holidays (MLK, Presidents', Juneteenth,
/// Columbus, Veterans) are ordinary pickup days for the carriers. NodaTime dates inside, <see cref="DateOnly"/> outside.
/// </summary>
internal static class BusinessDays
{
    // Every date asked about checks its year's holidays (a label's plan: dozens of dates), so each year is computed once.
    private static readonly ConcurrentDictionary<int, IReadOnlyList<DateOnly>> Holidays = new();

    /// <summary>The carrier holidays of <paramref name="year"/>, on their observed dates.</summary>
    public static IReadOnlyList<DateOnly> HolidaysOf(int year) => Holidays.GetOrAdd(year, ComputeHolidaysOf);

    private static IReadOnlyList<DateOnly> ComputeHolidaysOf(int year) =>
    [
        Observed(USAPublicHoliday.NewYear(year)),
        Observed(USAPublicHoliday.MemorialDay(year)),
        Observed(USAPublicHoliday.IndependenceDay(year)),
        Observed(USAPublicHoliday.LaborDay(year)),
        Observed(USAPublicHoliday.Thanksgiving(year)),
        Observed(USAPublicHoliday.Christmas(year)),
    ];

    /// <summary>True on Monday to Friday when no carrier holiday is observed.</summary>
    public static bool IsBusinessDay(DateOnly date)
    {
        var local = LocalDate.FromDateOnly(date);
        if (local.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            return false;
        }

        // New Year's Day of next year may be observed on this year's 31 December.
        return !HolidaysOf(date.Year).Contains(date) && !(date is { Month: 12, Day: 31 } && HolidaysOf(date.Year + 1).Contains(date));
    }

    /// <summary><paramref name="date"/> when it is a business day, else the next one.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        var local = LocalDate.FromDateOnly(date);
        while (!IsBusinessDay(local.ToDateOnly()))
        {
            local = local.PlusDays(1);
        }

        return local.ToDateOnly();
    }

    /// <summary>The business day <paramref name="days"/> business days after <paramref name="from"/> (not counting it).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = LocalDate.FromDateOnly(from);
        for (var left = days; left > 0;)
        {
            local = local.PlusDays(1);
            if (IsBusinessDay(local.ToDateOnly()))
            {
                left--;
            }
        }

        return local.ToDateOnly();
    }

    private static DateOnly Observed(DateTime date) => date.ToLocalDateTime().Date.ToDateOnly();
}
