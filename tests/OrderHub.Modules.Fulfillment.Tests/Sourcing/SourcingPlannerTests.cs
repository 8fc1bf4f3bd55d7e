using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using Shouldly;
using static OrderHub.Modules.Fulfillment.Tests.Sourcing.Scenario;

namespace OrderHub.Modules.Fulfillment.Tests.Sourcing;

/// <summary>
/// What a merchant expects of sourcing an order to Dallas, TX: the cheapest way to ship it, split only when that is
/// cheaper or unavoidable, never from a location that may not ship it, and every location's reason in plain words.
/// </summary>
public sealed class SourcingPlannerTests
{
    // Around Dallas (ZIP3 752): zone 2, 3 and 4; Napa is zone 6.
    private static readonly CandidateLocation Dallas = Location("DAL", "75207", "CAB:12 MER:12");
    private static readonly CandidateLocation DallasCab = Location("DAL", "75207", "CAB:12");
    private static readonly CandidateLocation HoustonMer = Location("HOU", "77002", "MER:12");
    private static readonly CandidateLocation Austin = Location("AUS", "78701", "CAB:12 MER:12");
    private static readonly CandidateLocation Napa = Location("NAPA", "94558", "CAB:12 MER:12");

    [Fact]
    public void One_location_with_everything_beats_a_split_between_nearer_ones()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 1), Line(2, "MER", 1)], [DallasCab, HoustonMer, Austin]));

        plan.Summary().ShouldBe("AUS[1:CABx1,2:MERx1]");
        plan.TotalEstimatedCost.ShouldBe(ShipmentCost(Austin, 2));
        plan.IsComplete.ShouldBeTrue();
        Reasons(plan).ShouldBe(["AUS: chosen", "DAL: no stock of MER", "HOU: no stock of CAB"]);
    }

    [Fact]
    public void An_order_splits_when_no_single_location_can_ship_it()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 2), Line(2, "MER", 3)], [DallasCab, HoustonMer]));

        plan.Summary().ShouldBe("DAL[1:CABx2] + HOU[2:MERx3]");
        plan.TotalEstimatedCost.ShouldBe(ShipmentCost(DallasCab, 2) + ShipmentCost(HoustonMer, 3));
        plan.Unassigned.ShouldBeEmpty();
    }

    [Fact]
    public void A_line_no_location_holds_enough_of_is_split_by_quantity_with_more_from_the_cheaper_lane()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 10)], [Location("DAL", "75207", "CAB:6"), Location("HOU", "77002", "CAB:6")]));

        plan.Summary().ShouldBe("DAL[1:CABx6] + HOU[1:CABx4]");
    }

    [Fact]
    public void A_cheaper_split_beats_a_costly_single_shipment_while_the_split_penalty_allows()
    {
        var order = Order([Line(1, "CAB", 12), Line(2, "MER", 12)], [DallasCab, HoustonMer, Napa]);
        var split = ShipmentCost(DallasCab, 12) + ShipmentCost(HoustonMer, 12);
        var single = ShipmentCost(Napa, 24);

        var plan = Planner(splitPenalty: 3.00m).Plan(order);
        var stubborn = Planner(splitPenalty: single - split + 0.01m).Plan(order);

        plan.Summary().ShouldBe("DAL[1:CABx12] + HOU[2:MERx12]");
        plan.Considered.Single(c => c.LocationCode == "NAPA").ShouldBe(new ConsideredLocation("NAPA", false, $"costs {single - split:0.00} more", single));
        stubborn.Summary().ShouldBe("NAPA[1:CABx12,2:MERx12]");
    }

    [Fact]
    public void A_location_not_licensed_for_the_state_never_ships_alcohol_there_and_says_so()
    {
        var unlicensed = Location("DAL", "75207", "CAB:12", licensedFor: ["CA"]);

        var plan = Planner().Plan(Order([Line(1, "CAB", 2)], [unlicensed, Napa]));

        plan.Summary().ShouldBe("NAPA[1:CABx2]");
        plan.Considered.Single(c => c.LocationCode == "DAL").Reason.ShouldBe("not licensed for TX");
    }

    [Fact]
    public void Licensing_does_not_apply_to_lines_without_alcohol()
    {
        var unlicensed = Location("DAL", "75207", "CAB:12 OPENER:5", licensedFor: []);

        Planner().Plan(Order([Line(1, "OPENER", 1, alcohol: false)], [unlicensed, Napa])).Summary().ShouldBe("DAL[1:OPENERx1]");
        Planner().Plan(Order([Line(1, "CAB", 1), Line(2, "OPENER", 1, alcohol: false)], [unlicensed, Napa])).Summary()
            .ShouldBe("DAL[2:OPENERx1] + NAPA[1:CABx1]");
    }

    [Fact]
    public void A_supplier_drop_ships_only_what_own_locations_cannot()
    {
        var supplier = Location("SUP", "75001", "CAB:50 MER:50", LocationKind.Supplier, handling: 0m);
        var shortOfCab = Location("NAPA", "94558", "CAB:2 MER:12");

        var plan = Planner().Plan(Order([Line(1, "CAB", 5), Line(2, "MER", 3)], [supplier, shortOfCab]));
        var ownSuffices = Planner().Plan(Order([Line(1, "CAB", 2)], [supplier, shortOfCab]));

        plan.Summary().ShouldBe("NAPA[1:CABx2,2:MERx3] + SUP[1:CABx3]");
        ownSuffices.Summary().ShouldBe("NAPA[1:CABx2]");
        ownSuffices.Considered.Single(c => c.LocationCode == "SUP").Reason.ShouldBe("dropship only for what own locations cannot ship");
    }

    [Fact]
    public void A_supplier_without_what_own_locations_lack_says_what_it_lacks()
    {
        var supplier = Location("SUP", "75001", "CAB:50", LocationKind.Supplier);

        var plan = Planner().Plan(Order([Line(1, "CAB", 2), Line(2, "MER", 3)], [supplier, DallasCab]));

        plan.Summary().ShouldBe("DAL[1:CABx2]");
        plan.Unassigned.ShouldBe([new PlannedLine(2, "MER", 3)]);
        Reasons(plan).ShouldBe(["DAL: chosen", "SUP: no stock of MER"]);
    }

    [Fact]
    public void What_nobody_can_ship_is_left_unassigned_line_by_line()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 3), Line(2, "CAB", 4), Line(3, "ROSE", 1)], [Location("DAL", "75207", "CAB:5")]));

        plan.Summary().ShouldBe("DAL[1:CABx3,2:CABx2]");
        plan.Unassigned.ShouldBe([new PlannedLine(2, "CAB", 2), new PlannedLine(3, "ROSE", 1)]);
        Reasons(plan).ShouldBe(["DAL: chosen"]);
    }

    [Fact]
    public void A_never_split_channel_leaves_lines_unassigned_rather_than_split()
    {
        var planner = Planner(rules: new NeverSplitRule("club"));

        var club = planner.Plan(Order([Line(1, "CAB", 2), Line(2, "MER", 3)], [DallasCab, HoustonMer], channel: "club"));
        var web = planner.Plan(Order([Line(1, "CAB", 2), Line(2, "MER", 3)], [DallasCab, HoustonMer], channel: "web"));

        club.Shipments.ShouldBeEmpty();
        club.Unassigned.ShouldBe([new PlannedLine(1, "CAB", 2), new PlannedLine(2, "MER", 3)]);
        club.DecidedBy.ShouldBe("NeverSplitRule: channel club");
        web.Shipments.Count.ShouldBe(2);
        web.DecidedBy.ShouldBeNull();
    }

    [Fact]
    public void A_never_split_channel_ships_whole_from_one_location_even_when_a_split_is_cheaper()
    {
        var plan = Planner(rules: new NeverSplitRule("club")).Plan(Order([Line(1, "CAB", 12), Line(2, "MER", 12)], [DallasCab, HoustonMer, Napa], channel: "club"));

        plan.Summary().ShouldBe("NAPA[1:CABx12,2:MERx12]");
        plan.DecidedBy.ShouldBe("NeverSplitRule: channel club");
    }

    [Fact]
    public void A_preferred_location_ships_when_it_can_ship_the_whole_order()
    {
        var planner = Planner(rules: new PreferLocationRule("TX", "NAPA"));

        var plan = planner.Plan(Order([Line(1, "CAB", 2)], [Dallas, Napa]));
        var cannot = planner.Plan(Order([Line(1, "CAB", 2), Line(2, "ROSE", 1)], [Dallas, Location("NAPA", "94558", "CAB:12")]));

        plan.Summary().ShouldBe("NAPA[1:CABx2]");
        plan.DecidedBy.ShouldBe("PreferLocationRule: TX from NAPA");
        plan.Considered.Single(c => c.LocationCode == "DAL").Reason.ShouldBe("NAPA is preferred for TX");
        cannot.Summary().ShouldBe("DAL[1:CABx2]");
        cannot.DecidedBy.ShouldBeNull();
    }

    [Fact]
    public void A_preference_for_another_state_does_not_apply()
    {
        var plan = Planner(rules: new PreferLocationRule("CA", "NAPA")).Plan(Order([Line(1, "CAB", 2)], [Dallas, Napa]));

        plan.Summary().ShouldBe("DAL[1:CABx2]");
        plan.DecidedBy.ShouldBeNull();
    }

    [Fact]
    public void Locations_full_for_today_past_cut_off_or_not_shipping_to_consumers_are_left_out_with_their_reason()
    {
        CandidateLocation[] locations =
        [
            Location("DAL", "75207", "CAB:12", remainingToday: 0),
            Location("HOU", "77002", "CAB:12", pastCutOff: true),
            Location("AUS", "78701", "CAB:12", shipsToConsumers: false),
            Napa,
        ];

        var today = Planner().Plan(Order([Line(1, "CAB", 2)], locations));
        var nextDay = Planner().Plan(Order([Line(1, "CAB", 2)], locations, allowNextDay: true));

        today.Summary().ShouldBe("NAPA[1:CABx2]");
        Reasons(today).ShouldBe(["AUS: does not ship to consumers", "DAL: at its daily limit", "HOU: past today's cut-off", "NAPA: chosen"]);
        nextDay.Summary().ShouldBe("HOU[1:CABx2]");
    }

    [Fact]
    public void A_location_with_some_units_says_how_many_and_a_losing_one_says_how_much_more_it_costs()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 3)], [Location("DAL", "75207", "CAB:2"), Location("HOU", "77002", "MER:2"), Austin, Napa]));
        var more = ShipmentCost(Napa, 3) - ShipmentCost(Austin, 3);

        Reasons(plan).ShouldBe(["AUS: chosen", "DAL: only 2 of CAB", "HOU: no stock of CAB", $"NAPA: costs {more:0.00} more"]);
        plan.Considered.Single(c => c.LocationCode == "AUS").EstimatedCost.ShouldBe(ShipmentCost(Austin, 3));
        plan.Considered.Single(c => c.LocationCode == "DAL").EstimatedCost.ShouldBeNull();
    }

    [Fact]
    public void Equal_costs_go_to_the_location_code_first_in_order()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 1)], [Location("DAL-B", "75207", "CAB:5"), Location("DAL-A", "75207", "CAB:5")]));

        Reasons(plan).ShouldBe(["DAL-A: chosen", "DAL-B: same cost, lost on location code"]);
    }

    [Fact]
    public void An_order_with_nothing_to_ship_plans_nothing()
    {
        var plan = Planner().Plan(Order([Line(1, "CAB", 0)], [Dallas]));

        plan.Shipments.ShouldBeEmpty();
        plan.Unassigned.ShouldBeEmpty();
        plan.TotalEstimatedCost.ShouldBe(0m);
        Reasons(plan).ShouldBe(["DAL: nothing to ship"]);
    }

    [Fact]
    public void An_incomplete_plan_says_what_nobody_may_ship_and_each_losing_locations_reason()
    {
        var unlicensed = Location("DAL", "75207", "CAB:5", licensedFor: ["CA"]);
        var partly = Planner().Plan(Order([Line(1, "CAB", 3), Line(2, "ROSE", 1)], [Location("DAL", "75207", "CAB:5")]));
        var nowhere = Planner().Plan(Order([Line(1, "CAB", 2)], []));
        var unlicensedOnly = Planner().Plan(Order([Line(1, "CAB", 2)], [unlicensed]));
        var club = Planner(rules: new NeverSplitRule("club")).Plan(Order([Line(1, "CAB", 2), Line(2, "MER", 3)], [DallasCab, HoustonMer], channel: "club"));

        partly.NotSourcedReason().ShouldBe("No location may ship 1 x ROSE (no other location has stock of it)");
        nowhere.NotSourcedReason().ShouldBe("No location may ship 2 x CAB (no location has stock of it)");
        unlicensedOnly.NotSourcedReason().ShouldBe("No location may ship 2 x CAB (DAL: not licensed for TX)");
        club.NotSourcedReason().ShouldBe(
            "No location may ship 2 x CAB, 3 x MER under NeverSplitRule: channel club (DAL: no stock of MER; HOU: no stock of CAB)");
    }

    private static string[] Reasons(SourcingPlan plan) => [.. plan.Considered.Select(c => $"{c.LocationCode}: {c.Reason}")];
}
