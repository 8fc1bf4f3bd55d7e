namespace OrderHub.Modules.Shipping.Delivery.Weather;

/// <summary>A place weather is asked about: a US state (or DC) and a ZIP code.</summary>
internal sealed record WeatherPlace(string Region, string PostalCode)
{
    public override string ToString() => $"{Region} {PostalCode}";
}

/// <summary>One day's high and low in °F, and where they came from (<c>forecast</c> or <c>normals</c>).</summary>
internal sealed record DayTemperatures(DateOnly Date, int HighF, int LowF, string Source);

/// <summary>
/// The weather port: daily highs and lows at a place for each day from <c>from</c> to <c>to</c> (both included). An
/// adapter always answers every day: where its forecast stops (or fails) it stands in with the monthly normals.
/// </summary>
internal interface IWeatherForecast
{
    Task<IReadOnlyList<DayTemperatures>> DailyAsync(WeatherPlace place, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
