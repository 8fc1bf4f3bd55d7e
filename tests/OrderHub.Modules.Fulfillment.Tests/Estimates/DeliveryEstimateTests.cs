using OrderHub.Modules.Fulfillment.Estimates;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Estimates;

/// <summary>Transit by service in business days (Ground 5, TwoDay 2, Overnight 1), weekends skipped; 2026-12-07 is a Monday.</summary>
public sealed class DeliveryEstimateTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    [Theory]
    [InlineData("Ground", 5)]
    [InlineData("TwoDay", 2)]
    [InlineData("Overnight", 1)]
    [InlineData(null, 5)]
    public void Each_service_has_its_business_days(string? service, int days) => DeliveryEstimate.TransitDays(service).ShouldBe(days);

    [Fact]
    public void An_unknown_service_is_refused_not_guessed()
    {
        DeliveryEstimate.IsKnownService("Pickup").ShouldBeFalse();
        DeliveryEstimate.IsKnownService("ground").ShouldBeFalse();
        DeliveryEstimate.IsKnownService(null).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => DeliveryEstimate.TransitDays("Pickup"));
    }

    [Theory]
    [InlineData("2026-12-07", "Ground", "2026-12-14")] // Monday + 5 business days: the next Monday
    [InlineData("2026-12-07", "TwoDay", "2026-12-09")] // Monday → Wednesday
    [InlineData("2026-12-07", "Overnight", "2026-12-08")] // Monday → Tuesday
    [InlineData("2026-12-10", "TwoDay", "2026-12-14")] // Thursday → Friday, Monday
    [InlineData("2026-12-11", "Overnight", "2026-12-14")] // Friday → Monday, not Saturday
    [InlineData("2026-12-11", "Ground", "2026-12-18")] // Friday + 5: the next Friday
    [InlineData("2026-12-12", "Overnight", "2026-12-14")] // shipped Saturday: counts from Monday
    [InlineData("2026-12-13", "Ground", "2026-12-18")] // shipped Sunday: Monday..Friday
    [InlineData("2026-12-31", "TwoDay", "2027-01-04")] // Thursday over a year end and a weekend (holidays not known)
    public void Delivery_skips_saturdays_and_sundays(string shipped, string service, string arrives) =>
        DeliveryEstimate.Arrives(DateOnly.Parse(shipped, System.Globalization.CultureInfo.InvariantCulture), service)
            .ShouldBe(DateOnly.Parse(arrives, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void No_service_ships_by_ground()
    {
        DeliveryEstimate.Arrives(Monday, null).ShouldBe(DeliveryEstimate.Arrives(Monday, "Ground"));
        DeliveryEstimate.AddBusinessDays(Monday, 0).ShouldBe(Monday);
    }
}
