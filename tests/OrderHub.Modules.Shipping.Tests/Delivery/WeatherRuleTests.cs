using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Delivery.Weather;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Delivery;

/// <summary>The weather rule for wine (pure): the transit window at both ends within [MinF, MaxF], and the next date that fits.</summary>
public sealed class WeatherRuleTests
{
    private static readonly HashSet<DayOfWeek> MonToWed = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday];
    private static readonly WeatherPlace Dallas = new("TX", "75201");
    private static readonly WeatherPlace Minneapolis = new("MN", "55401");
    private static readonly WeatherPlace Napa = new("CA", "94558");
    private static readonly DateTimeOffset CheckAt = new(2027, 6, 1, 15, 0, 0, TimeSpan.Zero);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static (WeatherPlace, IReadOnlyList<DayTemperatures>) Normals(WeatherPlace place, string from) =>
        (place, NormalsWeatherForecast.Days(place, D(from), D(from).AddDays(500)));

    [Fact]
    public void The_normals_cover_every_state_and_dc_and_run_from_january_to_july()
    {
        NormalTemperatures.Regions.Count.ShouldBe(51);
        NormalTemperatures.Regions.ShouldContain("DC");
        NormalTemperatures.Of("TX", 1).ShouldBe((57, 37));
        NormalTemperatures.Of("TX", 7).ShouldBe((96, 77));
        NormalTemperatures.Of("AZ", 7)!.Value.HighF.ShouldBeGreaterThan(100);
        NormalTemperatures.Of("MN", 1)!.Value.LowF.ShouldBeLessThan(10);
        NormalTemperatures.Of("ZZ", 1).ShouldBeNull();
        foreach (var region in NormalTemperatures.Regions)
        {
            for (var month = 1; month <= 12; month++)
            {
                var (high, low) = NormalTemperatures.Of(region, month)!.Value;
                high.ShouldBeGreaterThan(low, $"{region} {month}");
            }
        }
    }

    [Fact]
    public void A_window_within_the_limits_at_both_ends_travels()
    {
        List<DayTemperatures> mild = [new(D("2026-12-07"), 70, 50, "forecast"), new(D("2026-12-08"), 72, 52, "forecast")];
        WeatherRule.Check(D("2026-12-07"), D("2026-12-08"), 40, 85, (Dallas, mild), (Napa, mild)).ShouldBeNull();
    }

    [Fact]
    public void The_worst_day_of_the_window_at_either_end_is_the_breach_and_days_outside_the_window_do_not_count()
    {
        List<DayTemperatures> destination = [new(D("2026-07-06"), 88, 70, "forecast"), new(D("2026-07-07"), 97, 75, "forecast"), new(D("2026-07-20"), 110, 80, "forecast")];
        List<DayTemperatures> origin = [new(D("2026-07-06"), 80, 55, "forecast"), new(D("2026-07-07"), 90, 55, "forecast")];
        var breach = WeatherRule.Check(D("2026-07-06"), D("2026-07-08"), 40, 85, (Dallas, destination), (Napa, origin)).ShouldNotBeNull();
        (breach.End, breach.Day.Date, breach.Day.HighF, breach.TooHot).ShouldBe(("destination", D("2026-07-07"), 97, true));

        List<DayTemperatures> frozenOrigin = [new(D("2026-07-06"), 60, 20, "forecast")];
        var cold = WeatherRule.Check(D("2026-07-06"), D("2026-07-08"), 40, 85, (Dallas, destination), (Napa, frozenOrigin)).ShouldNotBeNull();
        (cold.End, cold.TooHot, cold.Day.LowF).ShouldBe(("origin", false, 20)); // 20 under beats 12 over
    }

    [Fact]
    public void Wine_to_texas_in_june_is_held_until_the_first_ground_day_of_october()
    {
        var hold = DeliveryPlanner.Decide(D("2027-06-01"), 5, groundWine: true, MonToWed, 40, 85, Normals(Dallas, "2027-06-01"), Normals(Napa, "2027-06-01"), CheckAt).ShouldNotBeNull();
        hold.ProposedShipDate.ShouldBe(D("2027-10-04")); // September's normal high is 86°F; Friday 1 October is not a ground day
        hold.Reason.ShouldBe("Weather hold: too hot for wine, high of 93°F at the destination (TX 75201) on 2027-06-01 (normals), outside 40°F to 85°F; checked again 2027-06-01 15:00 UTC; proposed ship date 2027-10-04.");
    }

    [Fact]
    public void Wine_to_minnesota_in_december_is_held_for_the_cold_until_may()
    {
        var hold = DeliveryPlanner.Decide(D("2026-12-07"), 5, groundWine: true, MonToWed, 40, 85, Normals(Minneapolis, "2026-12-07"), Normals(Napa, "2026-12-07"), CheckAt).ShouldNotBeNull();
        hold.Breach.TooHot.ShouldBeFalse();
        hold.ProposedShipDate.ShouldBe(D("2027-05-03"));
        hold.Reason.ShouldContain("too cold");
    }

    [Fact]
    public void No_fitting_date_within_a_year_says_so()
    {
        var hold = DeliveryPlanner.Decide(D("2026-12-07"), 5, groundWine: false, MonToWed, 40, 50, Normals(Dallas, "2026-12-07"), null, CheckAt).ShouldNotBeNull();
        hold.ProposedShipDate.ShouldBeNull();
        hold.Reason.ShouldEndWith("no ship date within a year fits the normals.");
    }

    [Fact]
    public void The_release_job_checks_again_at_the_next_full_hour() =>
        DeliveryPlanner.NextTick(new DateTimeOffset(2026, 12, 31, 23, 20, 5, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
