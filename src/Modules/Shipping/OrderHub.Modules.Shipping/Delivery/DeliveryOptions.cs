namespace OrderHub.Modules.Shipping.Delivery;

/// <summary>
/// <c>OrderHub:Shipping</c> keys of delivery scheduling: <c>GroundShipDays</c> (days ground wine may leave, default
/// Monday, Tuesday, Wednesday; a comma-separated list such as <c>Mon,Tue,Wed</c>) and <c>Weather</c>.
/// </summary>
internal sealed class DeliveryOptions
{
    public const string Section = "OrderHub:Shipping";

    public IReadOnlySet<DayOfWeek> GroundShipDays { get; set; } = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday };

    public WeatherOptions Weather { get; set; } = new();

    /// <summary>Parses <c>Mon,Tue,Wed</c> (or full English names); null when a name is not a day.</summary>
    public static IReadOnlySet<DayOfWeek>? ParseDays(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var part in value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var day = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase) && part.Length >= 3).Cast<DayOfWeek?>().FirstOrDefault();
            if (day is null)
            {
                return null;
            }

            days.Add(day.Value);
        }

        return days;
    }
}

/// <summary><c>OrderHub:Shipping:Weather</c>: the temperatures wine may travel in, and where forecasts come from.</summary>
internal sealed class WeatherOptions
{
    /// <summary>Coldest forecast temperature (°F) wine may travel in; colder holds it.</summary>
    public int MinF { get; set; } = 40;

    /// <summary>Hottest forecast temperature (°F) wine may travel in; hotter holds it.</summary>
    public int MaxF { get; set; } = 85;

    /// <summary><see cref="WeatherProvider.Normals"/> (monthly normals per state, built in) or <see cref="WeatherProvider.NationalWeatherService"/>.</summary>
    public WeatherProvider Provider { get; set; } = WeatherProvider.Normals;

    /// <summary>The National Weather Service API (api.weather.gov); a test points it at a recording.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.weather.gov/");

    /// <summary>How long one NWS call may take before the normals stand in.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The User-Agent the NWS asks every client to send (an app name and a contact).</summary>
    public string UserAgent { get; set; } = "OrderHub (ops@orderhub.example)";
}

internal enum WeatherProvider
{
    Normals,
    NationalWeatherService,
}
