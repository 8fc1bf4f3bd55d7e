using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using Shouldly;
using static OrderHub.Modules.Fulfillment.Tests.Sourcing.Scenario;

namespace OrderHub.Modules.Fulfillment.Tests.Sourcing;

/// <summary>
/// The staff's location settings as the planner sees them: a location at its daily limit is left out and says so, the
/// handling cost decides between otherwise close locations, and a caller's exclusion (stuck work) is the location's reason.
/// </summary>
public sealed class LocationTermsPlanningTests
{
    [Fact]
    public void A_location_at_its_daily_limit_is_left_out_saying_how_full_it_is_and_the_next_cheapest_ships()
    {
        var full = Location("DAL", "75207", "CAB:12") with { RemainingShipmentsToday = 0, DailyLimit = 120 };
        var austin = Location("AUS", "78701", "CAB:12");

        var plan = Planner().Plan(Order([Line(1, "CAB", 2)], [full, austin]));
        var withRoom = Planner().Plan(Order([Line(1, "CAB", 2)], [full with { RemainingShipmentsToday = 1 }, austin]));

        plan.Summary().ShouldBe("AUS[1:CABx2]");
        plan.Considered.Single(c => c.LocationCode == "DAL").ShouldBe(new ConsideredLocation("DAL", false, "AtDailyCapacity: 120 of 120 today", null));
        withRoom.Summary().ShouldBe("DAL[1:CABx2]");
    }

    [Fact]
    public void The_handling_cost_decides_which_location_wins()
    {
        var dallas = Location("DAL", "75207", "CAB:12", handling: 2.00m);
        var austin = Location("AUS", "78701", "CAB:12", handling: 2.00m);
        var costly = dallas with { HandlingCost = 40.00m };

        var cheap = Planner().Plan(Order([Line(1, "CAB", 2)], [dallas, austin]));
        var dear = Planner().Plan(Order([Line(1, "CAB", 2)], [costly, austin]));

        cheap.Summary().ShouldBe("DAL[1:CABx2]");
        dear.Summary().ShouldBe("AUS[1:CABx2]");
        dear.TotalEstimatedCost.ShouldBe(ShipmentCost(austin, 2));
        dear.Considered.Single(c => c.LocationCode == "DAL").Reason.ShouldBe($"costs {ShipmentCost(costly, 2) - ShipmentCost(austin, 2):0.00} more");
    }

    [Fact]
    public void A_location_the_caller_excludes_is_left_out_with_the_callers_reason()
    {
        var dallas = Location("DAL", "75207", "CAB:12") with { ExcludedBecause = "StuckWork: not on a pick list within 4 h" };

        var plan = Planner().Plan(Order([Line(1, "CAB", 2)], [dallas, Location("NAPA", "94558", "CAB:12")]));

        plan.Summary().ShouldBe("NAPA[1:CABx2]");
        plan.Considered.Single(c => c.LocationCode == "DAL").Reason.ShouldBe("StuckWork: not on a pick list within 4 h");
    }

    [Fact]
    public void Past_a_locations_cut_off_its_work_ships_the_next_business_day_in_its_own_time_zone()
    {
        var la = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var cutOff = new TimeOnly(15, 0);
        var fridayTwoPm = new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero); // 14:00 in Los Angeles (PST)
        var fridayFourPm = fridayTwoPm.AddHours(2); // 16:00 there, already Saturday in UTC

        ShipDay.Of(fridayTwoPm, la, cutOff).ShouldBe(new DateOnly(2026, 12, 4));
        ShipDay.Of(fridayFourPm, la, cutOff).ShouldBe(new DateOnly(2026, 12, 7)); // Monday
        ShipDay.Of(fridayFourPm, la, null).ShouldBe(new DateOnly(2026, 12, 4));
        ShipDay.IsPastCutOff(fridayFourPm, la, cutOff).ShouldBeTrue();
        DeliveryEstimate.Arrives(ShipDay.Of(fridayFourPm, la, cutOff), "Ground").ShouldBe(DeliveryEstimate.AddBusinessDays(DeliveryEstimate.Arrives(ShipDay.Of(fridayTwoPm, la, cutOff), "Ground"), 1));
        var (today, start, end) = ShipDay.LocalDay(fridayFourPm, la);
        (today, start, end).ShouldBe((new DateOnly(2026, 12, 4), new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero)));
    }
}
