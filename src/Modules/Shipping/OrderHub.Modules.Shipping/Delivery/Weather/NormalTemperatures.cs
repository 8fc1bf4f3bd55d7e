namespace OrderHub.Modules.Shipping.Delivery.Weather;

/// <summary>
/// Monthly normal highs and lows (°F) per US state and DC, as a compact table: each state's January and July normal
/// high and low at a representative (mostly its largest) city, rounded from NOAA's 1991-2020 normals; the months between
/// follow a cosine from the January trough to the July peak, which is how the normals run within a few degrees. Plausible,
/// not authoritative: a state is one climate here (California is the coast, where its wine ships from and to most).
/// </summary>
internal static class NormalTemperatures
{
    // Region: January high, January low, July high, July low (°F).
    private const string Table = """
        AL 53 33 91 72; AK 23 11 66 52; AZ 67 46 106 84; AR 51 31 93 73; CA 64 44 82 60; CO 45 18 89 60;
        CT 35 18 85 63; DE 41 25 87 68; DC 44 29 89 72; FL 72 50 92 74; GA 53 34 90 72; HI 80 66 88 74;
        ID 38 24 93 61; IL 32 18 84 67; IN 36 21 85 67; IA 31 14 86 67; KS 42 22 93 71; KY 42 26 88 70;
        LA 62 45 91 76; ME 31 13 79 60; MD 42 26 88 70; MA 37 23 82 66; MI 32 19 84 65; MN 23 8 84 65;
        MS 56 36 92 72; MO 40 24 89 72; MT 35 18 89 59; NE 33 14 88 68; NV 58 39 106 82; NH 31 10 83 57;
        NJ 40 26 87 70; NM 48 26 92 66; NY 39 27 85 70; NC 52 32 90 70; ND 22 1 85 56; OH 37 22 85 66;
        OK 49 28 94 72; OR 47 36 82 58; PA 41 26 88 70; RI 38 21 83 65; SC 56 34 93 72; SD 27 7 85 63;
        TN 49 30 89 70; TX 57 37 96 77; UT 38 22 94 67; VT 28 11 81 61; VA 48 28 90 70; WA 48 37 77 57;
        WV 44 25 86 65; WI 29 15 80 64; WY 40 17 84 56
        """;

    private static readonly Dictionary<string, (int JanHigh, int JanLow, int JulHigh, int JulLow)> Anchors = Parse();

    /// <summary>The states and DC the table knows.</summary>
    public static IReadOnlyCollection<string> Regions => Anchors.Keys;

    /// <summary>The normal high and low of <paramref name="region"/> in <paramref name="month"/> (1-12); null for an unknown region.</summary>
    public static (int HighF, int LowF)? Of(string region, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (!Anchors.TryGetValue(region.Trim().ToUpperInvariant(), out var a))
        {
            return null;
        }

        var wave = Math.Cos(2 * Math.PI * (month - 1) / 12); // 1 in January, -1 in July
        return (Between(a.JanHigh, a.JulHigh, wave), Between(a.JanLow, a.JulLow, wave));
    }

    private static int Between(int january, int july, double wave) =>
        (int)Math.Round(((january + july) / 2.0) - ((july - january) / 2.0 * wave), MidpointRounding.AwayFromZero);

    private static Dictionary<string, (int, int, int, int)> Parse()
    {
        var anchors = new Dictionary<string, (int, int, int, int)>(StringComparer.Ordinal);
        foreach (var row in Table.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            anchors[f[0]] = (int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
        }

        return anchors;
    }
}

/// <summary>The built-in adapter: every day is its month's normal (<see cref="NormalTemperatures"/>).</summary>
internal sealed class NormalsWeatherForecast : IWeatherForecast
{
    public const string SourceName = "normals";

    public Task<IReadOnlyList<DayTemperatures>> DailyAsync(WeatherPlace place, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult(Days(place, from, to));

    /// <summary>The normals for every day from <paramref name="from"/> to <paramref name="to"/>; none for an unknown region.</summary>
    public static IReadOnlyList<DayTemperatures> Days(WeatherPlace place, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(place);
        var days = new List<DayTemperatures>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (NormalTemperatures.Of(place.Region, date.Month) is { } n)
            {
                days.Add(new DayTemperatures(date, n.HighF, n.LowF, SourceName));
            }
        }

        return days;
    }
}
