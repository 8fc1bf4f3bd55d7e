using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Delivery.Weather;
using Shouldly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// The National Weather Service adapter against recorded api.weather.gov answers served by WireMock on a local port:
/// points, then the forecast it names; days past the forecast are the normals; an error body or a time-out falls back
/// to the normals with a warning.
/// </summary>
public sealed class NationalWeatherServiceWeatherTests : IDisposable
{
    private const string PointsPath = "/points/32.7767,-96.797";
    private const string ForecastPath = "/gridpoints/FWD/89,104/forecast";

    // Recorded shape of GET /gridpoints/FWD/89,104/forecast (trimmed to the fields the adapter reads and a few beside them).
    private const string Forecast = """
        { "@context": ["https://geojson.org/geojson-ld/geojson-context.jsonld"], "type": "Feature",
          "properties": { "units": "us", "forecastGenerator": "BaselineForecastGenerator", "generatedAt": "2027-07-05T10:49:21+00:00",
            "periods": [
              { "number": 1, "name": "Today", "startTime": "2027-07-05T06:00:00-05:00", "endTime": "2027-07-05T18:00:00-05:00", "isDaytime": true,
                "temperature": 99, "temperatureUnit": "F", "windSpeed": "10 mph", "shortForecast": "Sunny" },
              { "number": 2, "name": "Tonight", "startTime": "2027-07-05T18:00:00-05:00", "endTime": "2027-07-06T06:00:00-05:00", "isDaytime": false,
                "temperature": 78, "temperatureUnit": "F", "windSpeed": "5 mph", "shortForecast": "Clear" },
              { "number": 3, "name": "Tuesday", "startTime": "2027-07-06T06:00:00-05:00", "endTime": "2027-07-06T18:00:00-05:00", "isDaytime": true,
                "temperature": 39, "temperatureUnit": "C", "windSpeed": "10 mph", "shortForecast": "Hot" },
              { "number": 4, "name": "Tuesday Night", "startTime": "2027-07-06T18:00:00-05:00", "endTime": "2027-07-07T06:00:00-05:00", "isDaytime": false,
                "temperature": 80, "temperatureUnit": "F", "windSpeed": "5 mph", "shortForecast": "Mostly Clear" },
              { "number": 5, "name": "Wednesday", "startTime": "2027-07-07T06:00:00-05:00", "endTime": "2027-07-07T18:00:00-05:00", "isDaytime": true,
                "temperature": 84, "temperatureUnit": "F", "windSpeed": "15 mph", "shortForecast": "Thunderstorms" }
            ] } }
        """;

    private const string ErrorBody = """
        { "correlationId": "3b8f4f1a", "title": "Unexpected Problem", "type": "https://api.weather.gov/problems/UnexpectedProblem",
          "status": 500, "detail": "An unexpected problem has occurred.", "instance": "https://api.weather.gov/requests/3b8f4f1a" }
        """;

    private static readonly WeatherPlace Dallas = new("TX", "75201");
    private static readonly DateOnly From = new(2027, 7, 5);
    private static readonly DateOnly To = new(2027, 7, 9);

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ListLogger _logger = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_forecast_gives_each_days_high_and_low_and_the_normals_fill_the_days_after_it()
    {
        ServePoints();
        _server.Given(Request.Create().WithPath(ForecastPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/geo+json").WithBody(Forecast));

        var days = await Adapter().DailyAsync(Dallas, From, To, Ct);

        days.ShouldBe(
        [
            new DayTemperatures(From, 99, 78, "forecast"),
            new DayTemperatures(From.AddDays(1), 102, 80, "forecast"), // 39 °C
            new DayTemperatures(From.AddDays(2), 84, 77, "forecast"), // no night yet: the normal low
            new DayTemperatures(From.AddDays(3), 96, 77, "normals"),
            new DayTemperatures(From.AddDays(4), 96, 77, "normals"),
        ]);
        _server.LogEntries.Select(e => e.RequestMessage.Path).ShouldBe([PointsPath, ForecastPath]);
        _server.LogEntries[0].RequestMessage.Headers!["User-Agent"].ShouldHaveSingleItem().ShouldContain("OrderHub");
        _logger.Warnings.ShouldBeEmpty();

        var breach = WeatherRule.Check(From, From.AddDays(2), 40, 85, (Dallas, days), null).ShouldNotBeNull();
        (breach.Day.Date, breach.Day.HighF, breach.Day.Source).ShouldBe((From.AddDays(1), 102, "forecast"));
    }

    [Fact]
    public async Task An_error_body_falls_back_to_the_normals_with_a_warning()
    {
        ServePoints();
        _server.Given(Request.Create().WithPath(ForecastPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/problem+json").WithBody(ErrorBody));

        var days = await Adapter().DailyAsync(Dallas, From, To, Ct);

        days.ShouldAllBe(d => d.Source == "normals" && d.HighF == 96 && d.LowF == 77);
        days.Count.ShouldBe(5);
        _logger.Warnings.ShouldHaveSingleItem().ShouldContain("500");
        _logger.Warnings[0].ShouldContain("TX 75201");
    }

    [Fact]
    public async Task A_time_out_falls_back_to_the_normals_with_a_warning()
    {
        _server.Given(Request.Create().WithPath(PointsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromSeconds(5)));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var days = await Adapter(TimeSpan.FromMilliseconds(300)).DailyAsync(Dallas, From, To, Ct);

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        days.ShouldAllBe(d => d.Source == "normals");
        _logger.Warnings.ShouldHaveSingleItem().ShouldContain("no answer within 0.3 s");
    }

    [Fact]
    public async Task A_zip_without_a_centroid_takes_the_normals_without_asking()
    {
        var days = await Adapter().DailyAsync(new WeatherPlace("WY", "82001"), From, From, Ct);

        days.ShouldBe([new DayTemperatures(From, 84, 56, "normals")]);
        _server.LogEntries.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private void ServePoints() =>
        _server.Given(Request.Create().WithPath(PointsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/geo+json").WithBody(
                $$"""
                { "type": "Feature", "properties": { "gridId": "FWD", "gridX": 89, "gridY": 104,
                  "forecast": "{{_server.Url}}{{ForecastPath}}", "forecastHourly": "{{_server.Url}}{{ForecastPath}}/hourly",
                  "relativeLocation": { "properties": { "city": "Dallas", "state": "TX" } } } }
                """));

    private NationalWeatherServiceForecast Adapter(TimeSpan? timeout = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(NationalWeatherServiceForecast.ClientName);
        var http = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new DeliveryOptions
        {
            Weather = new WeatherOptions { Provider = WeatherProvider.NationalWeatherService, BaseUrl = new Uri(_server.Url!), Timeout = timeout ?? TimeSpan.FromSeconds(5) },
        });
        return new NationalWeatherServiceForecast(http, options, _logger);
    }

    private sealed class ListLogger : ILogger<NationalWeatherServiceForecast>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
