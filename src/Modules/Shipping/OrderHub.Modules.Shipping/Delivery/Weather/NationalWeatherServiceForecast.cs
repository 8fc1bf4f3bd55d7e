using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Shipping.Delivery.Weather;

/// <summary>
/// The National Weather Service adapter (api.weather.gov, no key): <c>GET /points/{lat},{lon}</c> names the place's
/// forecast in <c>properties.forecast</c>; <c>GET</c> that gives <c>properties.periods[]</c> (about seven days of day and
/// night periods: <c>startTime</c>, <c>temperature</c>, <c>temperatureUnit</c>, <c>isDaytime</c>). A day's high is its
/// daytime period, its low the night that starts on it. Days past the forecast, a place whose ZIP3 has no centroid,
/// and any failure (an error status or body, a time-out) take the monthly normals; a failure is logged as a warning.
/// </summary>
internal sealed partial class NationalWeatherServiceForecast(
    IHttpClientFactory http, IOptions<DeliveryOptions> options, ILogger<NationalWeatherServiceForecast> logger) : IWeatherForecast
{
    public const string ClientName = "Shipping.Weather.NationalWeatherService";
    public const string SourceName = "forecast";

    public async Task<IReadOnlyList<DayTemperatures>> DailyAsync(WeatherPlace place, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var normals = NormalsWeatherForecast.Days(place, from, to);
        if (Zip3Centroids.Of(place.PostalCode) is not { } point)
        {
            return normals;
        }

        var weather = options.Value.Weather;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(weather.Timeout);
        Dictionary<DateOnly, (int? High, int? Low)> forecast;
        try
        {
            forecast = await ForecastAsync(weather, point, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(place.ToString(), $"no answer within {weather.Timeout.TotalSeconds:0.#} s");
            return normals;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            LogFallback(place.ToString(), e.Message);
            return normals;
        }

        return [.. normals.Select(n => forecast.TryGetValue(n.Date, out var f) && (f.High is not null || f.Low is not null)
            ? new DayTemperatures(n.Date, f.High ?? n.HighF, f.Low ?? n.LowF, SourceName)
            : n)];
    }

    private async Task<Dictionary<DateOnly, (int? High, int? Low)>> ForecastAsync(WeatherOptions weather, (decimal Lat, decimal Lon) point, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(ClientName);
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", weather.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/geo+json");
        var pointsUrl = new Uri(weather.BaseUrl, $"points/{point.Lat.ToString("0.####", CultureInfo.InvariantCulture)},{point.Lon.ToString("0.####", CultureInfo.InvariantCulture)}");
        var points = await GetJsonAsync(client, pointsUrl, cancellationToken);
        var forecastUrl = points.GetProperty("properties").GetProperty("forecast").GetString()
            ?? throw new InvalidOperationException("The NWS points answer names no forecast.");
        var forecast = await GetJsonAsync(client, new Uri(forecastUrl, UriKind.Absolute), cancellationToken);

        var days = new Dictionary<DateOnly, (int? High, int? Low)>();
        foreach (var period in forecast.GetProperty("properties").GetProperty("periods").EnumerateArray())
        {
            var start = DateTimeOffset.Parse(period.GetProperty("startTime").GetString()!, CultureInfo.InvariantCulture);
            var temperature = period.GetProperty("temperature").GetDouble();
            var fahrenheit = period.TryGetProperty("temperatureUnit", out var unit) && string.Equals(unit.GetString(), "C", StringComparison.OrdinalIgnoreCase)
                ? (temperature * 9 / 5) + 32
                : temperature;
            var value = (int)Math.Round(fahrenheit, MidpointRounding.AwayFromZero);
            var date = DateOnly.FromDateTime(start.DateTime); // the place's own local date
            var day = days.GetValueOrDefault(date);
            days[date] = period.GetProperty("isDaytime").GetBoolean() ? (value, day.Low) : (day.High, value);
        }

        return days;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"NWS answered {(int)response.StatusCode} for {url.AbsolutePath}: {(body.Length > 300 ? body[..300] : body)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weather forecast for {Place} unavailable from the National Weather Service ({Problem}); using the monthly normals")]
    private partial void LogFallback(string place, string problem);
}

/// <summary>
/// A stand-in for a ZIP-to-coordinates service: the centroids of the ZIP3 areas OrderHub's locations and tests use
/// (latitude, longitude). Any other ZIP gets the normals. Replace with a full ZIP3 (or ZCTA) table before going live.
/// </summary>
internal static class Zip3Centroids
{
    private static readonly Dictionary<string, (decimal Lat, decimal Lon)> Points = new(StringComparer.Ordinal)
    {
        ["100"] = (40.7128m, -74.0060m), // New York NY
        ["303"] = (33.7490m, -84.3880m), // Atlanta GA
        ["328"] = (28.5384m, -81.3789m), // Orlando FL
        ["331"] = (25.7617m, -80.1918m), // Miami FL
        ["553"] = (44.9778m, -93.2650m), // Minneapolis MN
        ["750"] = (32.7767m, -96.7970m), // Dallas TX
        ["752"] = (32.7767m, -96.7970m), // Dallas TX
        ["787"] = (30.2672m, -97.7431m), // Austin TX
        ["850"] = (33.4484m, -112.0740m), // Phoenix AZ
        ["891"] = (36.1699m, -115.1398m), // Las Vegas NV
        ["895"] = (39.5296m, -119.8138m), // Reno NV
        ["900"] = (34.0522m, -118.2437m), // Los Angeles CA
        ["941"] = (37.7749m, -122.4194m), // San Francisco CA
        ["945"] = (38.2975m, -122.2869m), // Napa CA
        ["972"] = (45.5152m, -122.6784m), // Portland OR
        ["841"] = (40.7608m, -111.8910m), // Salt Lake City UT
    };

    public static (decimal Lat, decimal Lon)? Of(string? postalCode) =>
        postalCode is { Length: >= 3 } && Points.TryGetValue(postalCode[..3], out var p) ? p : null;
}
