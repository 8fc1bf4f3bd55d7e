using OrderHub.Modules.Shipping.Delivery;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Delivery;

/// <summary>
/// The US carrier calendar (weekends and the six carrier holidays, on their observed days), the cut-off, the customer's
/// ship-on date and the Monday-to-Wednesday ground days for wine, on fixed dates.
/// </summary>
public sealed class DeliveryCalendarTests
{
    private static readonly HashSet<DayOfWeek> MonToWed = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_carrier_holidays_of_2026_and_2027_fall_on_their_observed_days()
    {
        BusinessDays.HolidaysOf(2026).ShouldBe([D("2026-01-01"), D("2026-05-25"), D("2026-07-03"), D("2026-09-07"), D("2026-11-26"), D("2026-12-25")]);
        BusinessDays.HolidaysOf(2027).ShouldBe([D("2027-01-01"), D("2027-05-31"), D("2027-07-05"), D("2027-09-06"), D("2027-11-25"), D("2027-12-24")]);
        BusinessDays.IsBusinessDay(D("2026-07-03")).ShouldBeFalse(); // 4 July 2026 is a Saturday: closed the Friday
        BusinessDays.IsBusinessDay(D("2027-12-31")).ShouldBeFalse(); // New Year's Day 2028 is a Saturday: closed the Friday before
        BusinessDays.IsBusinessDay(D("2026-01-19")).ShouldBeTrue(); // MLK Day: carriers pick up
        BusinessDays.IsBusinessDay(D("2026-11-11")).ShouldBeTrue(); // Veterans Day: carriers pick up
        BusinessDays.IsBusinessDay(D("2026-11-27")).ShouldBeTrue(); // the Friday after Thanksgiving
    }

    [Fact]
    public void A_label_bought_on_christmas_eve_after_the_cut_off_ships_the_monday_after_christmas()
    {
        // Thursday 24 December 2026 after the cut-off: Friday is Christmas, then the weekend.
        ShipDates.ShipDate(D("2026-12-24"), pastCutOff: true, shipOn: null, groundWine: false, MonToWed).ShouldBe(D("2026-12-28"));
        ShipDates.ShipDate(D("2026-12-24"), pastCutOff: false, shipOn: null, groundWine: false, MonToWed).ShouldBe(D("2026-12-24"));
        // Two transit days from Wednesday 23 December skip Christmas: Thursday, then Monday.
        ShipDates.EstimatedDelivery(D("2026-12-23"), 2).ShouldBe(D("2026-12-28"));
    }

    [Fact]
    public void A_label_bought_on_thanksgiving_ships_the_friday_after_and_ground_wine_the_monday()
    {
        ShipDates.ShipDate(D("2026-11-26"), pastCutOff: false, shipOn: null, groundWine: false, MonToWed).ShouldBe(D("2026-11-27"));
        ShipDates.ShipDate(D("2026-11-26"), pastCutOff: false, shipOn: null, groundWine: true, MonToWed).ShouldBe(D("2026-11-30"));
        ShipDates.EstimatedDelivery(D("2026-11-25"), 1).ShouldBe(D("2026-11-27"));
    }

    [Fact]
    public void A_label_bought_on_a_friday_evening_ships_monday_and_arrives_by_business_days()
    {
        ShipDates.ShipDate(D("2026-12-04"), pastCutOff: true, shipOn: null, groundWine: false, MonToWed).ShouldBe(D("2026-12-07"));
        ShipDates.ShipDate(D("2026-12-04"), pastCutOff: false, shipOn: null, groundWine: false, MonToWed).ShouldBe(D("2026-12-04"));
        ShipDates.EstimatedDelivery(D("2026-12-07"), 3).ShouldBe(D("2026-12-10"));
        ShipDates.EstimatedDelivery(D("2026-12-04"), 5).ShouldBe(D("2026-12-11"));
    }

    [Theory]
    [InlineData("2026-12-03", "2026-12-07")] // Thursday -> Monday
    [InlineData("2026-12-04", "2026-12-07")] // Friday -> Monday
    [InlineData("2026-12-05", "2026-12-07")] // Saturday -> Monday
    [InlineData("2026-12-06", "2026-12-07")] // Sunday -> Monday
    [InlineData("2026-12-08", "2026-12-08")] // Tuesday stays
    [InlineData("2026-12-24", "2026-12-28")] // Christmas Eve (Thursday) -> Monday 28th
    [InlineData("2026-09-03", "2026-09-08")] // Thursday before Labor Day -> Tuesday
    public void Ground_wine_leaves_monday_to_wednesday_only(string today, string expected) =>
        ShipDates.ShipDate(D(today), pastCutOff: false, shipOn: null, groundWine: true, MonToWed).ShouldBe(D(expected));

    [Fact]
    public void A_ship_on_date_is_never_undercut_and_moves_to_a_business_day()
    {
        ShipDates.ShipDate(D("2026-12-07"), pastCutOff: false, shipOn: D("2026-12-15"), groundWine: false, MonToWed).ShouldBe(D("2026-12-15"));
        ShipDates.ShipDate(D("2026-12-07"), pastCutOff: false, shipOn: D("2026-12-25"), groundWine: false, MonToWed).ShouldBe(D("2026-12-28"));
        ShipDates.ShipDate(D("2026-12-07"), pastCutOff: false, shipOn: D("2026-12-17"), groundWine: true, MonToWed).ShouldBe(D("2026-12-21"));
        ShipDates.ShipDate(D("2026-12-09"), pastCutOff: true, shipOn: D("2026-12-01"), groundWine: false, MonToWed).ShouldBe(D("2026-12-10")); // a past date changes nothing
    }

    [Fact]
    public void Ground_days_are_read_from_settings()
    {
        DeliveryOptions.ParseDays("Mon,Tue,Wed").ShouldBe(MonToWed, ignoreOrder: true);
        DeliveryOptions.ParseDays("monday, thursday").ShouldBe([DayOfWeek.Monday, DayOfWeek.Thursday], ignoreOrder: true);
        DeliveryOptions.ParseDays("Mon,Funday").ShouldBeNull();
        DeliveryOptions.ParseDays("").ShouldBeNull();
        ShipDates.ShipDate(D("2026-12-03"), pastCutOff: false, shipOn: null, groundWine: true, new HashSet<DayOfWeek> { DayOfWeek.Thursday }).ShouldBe(D("2026-12-03"));
    }
}
