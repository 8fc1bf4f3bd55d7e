using System.Globalization;

namespace OrderHub.Modules.Shipping.Delivery.Weather;

/// <summary>A day of the transit window too hot or too cold for wine at one end of the trip.</summary>
internal sealed record WeatherBreach(string End, WeatherPlace Place, DayTemperatures Day, bool TooHot);

/// <summary>
/// Wine travels only in a window (ship date to estimated delivery, both included) whose forecast highs and lows stay
/// within [MinF, MaxF] at the destination and at the origin. Pure: the caller gives the temperatures.
/// </summary>
internal static class WeatherRule
{
    /// <summary>The worst breach of the window (the hottest or coldest day beyond the limits), or null when it may travel.</summary>
    public static WeatherBreach? Check(
        DateOnly shipDate, DateOnly delivery, int minF, int maxF,
        (WeatherPlace Place, IReadOnlyList<DayTemperatures> Days) destination, (WeatherPlace Place, IReadOnlyList<DayTemperatures> Days)? origin)
    {
        var ends = origin is { } o ? new[] { ("destination", destination), ("origin", o) } : [("destination", destination)];
        WeatherBreach? worst = null;
        var worstBy = 0;
        foreach (var (end, (place, days)) in ends)
        {
            foreach (var day in days.Where(d => d.Date >= shipDate && d.Date <= delivery))
            {
                var over = day.HighF - maxF;
                var under = minF - day.LowF;
                if (over > 0 && over > worstBy)
                {
                    (worst, worstBy) = (new WeatherBreach(end, place, day, TooHot: true), over);
                }

                if (under > 0 && under > worstBy)
                {
                    (worst, worstBy) = (new WeatherBreach(end, place, day, TooHot: false), under);
                }
            }
        }

        return worst;
    }

    /// <summary>What staff and the customer read: the temperature, where and when, the limits, the next check, the new date.</summary>
    public static string Reason(WeatherBreach breach, int minF, int maxF, DateTimeOffset checkAgainAt, DateOnly? proposedShipDate)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var day = breach.Day;
        var what = breach.TooHot ? $"high of {day.HighF}°F" : $"low of {day.LowF}°F";
        var proposed = proposedShipDate is { } p ? $"proposed ship date {Iso(p)}" : "no ship date within a year fits the normals";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Weather hold: {(breach.TooHot ? "too hot" : "too cold")} for wine, {what} at the {breach.End} ({breach.Place.Region} {breach.Place.PostalCode}) on {Iso(day.Date)} ({day.Source}), outside {minF}°F to {maxF}°F; checked again {checkAgainAt:yyyy-MM-dd HH:mm} UTC; {proposed}.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
