using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Delivery.Weather;
using OrderHub.Modules.Shipping.Domain.Shipments;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Delivery;

/// <summary>
/// A wine label's plan reads the weather for its transit window, and a year ahead only when that window is too hot or
/// too cold (to propose the first ship date that fits): a club release plans thousands of labels, most in fair weather.
/// </summary>
public sealed class DeliveryPlannerTests
{
    private static readonly Address Napa = new("1 Winery Rd", null, "Napa", "CA", "94558", "US");
    private static readonly Address Dallas = new("1 Main St", null, "Dallas", "TX", "75201", "US");
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly LocationShipDayDto NapaMonday = new("NAPA-WH", Monday, PastCutOff: false, "17:00", "America/Los_Angeles");

    [Fact]
    public async Task Wine_in_fair_weather_travels_on_its_day_and_only_its_transit_window_is_read()
    {
        var forecast = new RecordingForecast(_ => (70, 50));
        var plan = await Planner(forecast).PlanAsync(WineTo(Dallas), Napa, 3, NapaMonday, new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero), CancellationToken.None);

        plan.Hold.ShouldBeNull();
        (plan.ShipDate, plan.EstimatedDelivery).ShouldBe((Monday, new DateOnly(2027, 3, 4)));
        forecast.Asked.ShouldBe([("TX", Monday, new DateOnly(2027, 3, 4)), ("CA", Monday, new DateOnly(2027, 3, 4))], ignoreOrder: true);
    }

    [Fact]
    public async Task Wine_in_a_heat_wave_is_held_and_the_year_ahead_proposes_the_first_ground_day_after_it()
    {
        // 100°F in Dallas until 10 March; the next allowed ground day whose window is fair is Monday 15 March.
        var forecast = new RecordingForecast(d => d.Place.Region == "TX" && d.Date <= new DateOnly(2027, 3, 10) ? (100, 75) : (70, 50));
        var plan = await Planner(forecast).PlanAsync(WineTo(Dallas), Napa, 3, NapaMonday, new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero), CancellationToken.None);

        var hold = plan.Hold.ShouldNotBeNull();
        hold.ProposedShipDate.ShouldBe(new DateOnly(2027, 3, 15));
        hold.Breach.Day.HighF.ShouldBe(100);
        forecast.Asked.ShouldContain(("TX", Monday, Monday.AddDays(DeliveryPlanner.SearchDays + 30)));
    }

    private static DeliveryPlanner Planner(IWeatherForecast forecast) => new(null!, forecast, Options.Create(new DeliveryOptions()));

    private static Shipment WineTo(Address shipTo) => Shipment.Create(
        new NewShipment(
            Guid.NewGuid(), "OH-100001", Guid.NewGuid(), "NAPA-WH", "order:1", "Dana Reyes", shipTo, ServiceLevel.Ground, ContainsAlcohol: true, AdultSignatureRequired: true,
            [new NewShipmentPackage(Guid.NewGuid(), 9000, 37, 26, 22)], [(1, "CAB-2021", 6)]),
        new DateTimeOffset(2027, 2, 26, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Answers every day from <c>weather</c> and remembers what it was asked.</summary>
    private sealed class RecordingForecast(Func<(WeatherPlace Place, DateOnly Date), (int HighF, int LowF)> weather) : IWeatherForecast
    {
        public List<(string Region, DateOnly From, DateOnly To)> Asked { get; } = [];

        public Task<IReadOnlyList<DayTemperatures>> DailyAsync(WeatherPlace place, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            Asked.Add((place.Region, from, to));
            var days = new List<DayTemperatures>();
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var (high, low) = weather((place, date));
                days.Add(new DayTemperatures(date, high, low, "forecast"));
            }

            return Task.FromResult<IReadOnlyList<DayTemperatures>>(days);
        }
    }
}
