using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Domain.Decisions;
using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Domain.Rules;
using Shouldly;

namespace OrderHub.Modules.Compliance.Tests.Domain.Decisions;

/// <summary>The compliance decision, with no database, against the seeded state law (wine-dtc-law.md).</summary>
public sealed class ComplianceEvaluatorTests
{
    private const int Bottle = 750;
    private const int CaseOf9L = 9000;
    private static readonly DateOnly OrderDate = new(2026, 12, 5);
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly AdultBirthday = new(1985, 12, 10);
    private static readonly Dictionary<string, StateRuleContent> Law = LawTable.ParseEmbedded().ToDictionary(r => r.StateCode);

    [Fact]
    public void An_adult_ordering_within_the_limit_into_a_state_where_the_winery_holds_a_permit_is_approved()
    {
        var result = Evaluate(Order("OR", bottles: 6), "OR");

        result.Outcome.ShouldBe(ComplianceOutcome.Approved);
        result.Rule.ShouldBeNull();
        result.AdultSignatureRequired.ShouldBeTrue();
        result.StateCode.ShouldBe("OR");
        result.VolumeMl.ShouldBe(6 * Bottle);
        result.AlcoholValue.ShouldBe(6 * 30m);
    }

    [Fact]
    public void Oregon_allows_five_9_litre_cases_a_month_per_consumer()
    {
        PriorVolume[] fourCasesThisMonth = [new(new DateOnly(2026, 12, 1), 4 * CaseOf9L, SamePerson: true, SameAddress: true)];

        Evaluate(Order("OR", bottles: 12), "OR", prior: fourCasesThisMonth).Outcome.ShouldBe(ComplianceOutcome.Approved);

        var over = Evaluate(Order("OR", bottles: 13), "OR", prior: fourCasesThisMonth);
        over.Outcome.ShouldBe(ComplianceOutcome.Refused);
        over.Rule.ShouldBe(ComplianceRules.VolumeLimitExceeded);
        over.Reason.ShouldContain("45 L");
    }

    [Fact]
    public void Oregon_counts_only_this_calendar_month_and_only_this_consumer()
    {
        PriorVolume[] others =
        [
            new(new DateOnly(2026, 11, 30), 5 * CaseOf9L, SamePerson: true, SameAddress: true), // last month
            new(new DateOnly(2026, 12, 2), 5 * CaseOf9L, SamePerson: false, SameAddress: true), // a housemate: Oregon counts per person
        ];

        Evaluate(Order("OR", bottles: 60), "OR", prior: others).Outcome.ShouldBe(ComplianceOutcome.Approved);
        Evaluate(Order("OR", bottles: 61), "OR", prior: others).Rule.ShouldBe(ComplianceRules.VolumeLimitExceeded);
    }

    [Fact]
    public void A_household_limit_counts_everyone_at_the_address()
    {
        // Mississippi: 12 cases of 9 L a year per address (its DTC is Limited: the winery confirmed the conditions).
        PriorVolume[] housemate = [new(new DateOnly(2026, 3, 1), 11 * CaseOf9L, SamePerson: false, SameAddress: true)];

        Evaluate(Order("MS", bottles: 12), "MS", limitedConfirmed: true, prior: housemate).Outcome.ShouldBe(ComplianceOutcome.Approved);
        Evaluate(Order("MS", bottles: 13), "MS", limitedConfirmed: true, prior: housemate).Rule.ShouldBe(ComplianceRules.VolumeLimitExceeded);
    }

    [Fact]
    public void A_state_that_forbids_direct_to_consumer_shipping_refuses_the_order()
    {
        var result = Evaluate(Order("UT", bottles: 1), "UT", permit: false);

        result.Outcome.ShouldBe(ComplianceOutcome.Refused);
        result.Rule.ShouldBe(ComplianceRules.DtcNotAllowed);
    }

    [Fact]
    public void Delaware_opens_to_limited_shipping_on_15_August_2026()
    {
        Evaluate(Order("DE", bottles: 6, on: new DateOnly(2026, 8, 14)), "DE").Rule.ShouldBe(ComplianceRules.DtcNotAllowed);

        var unconfirmed = Evaluate(Order("DE", bottles: 6, on: new DateOnly(2026, 8, 15)), "DE");
        unconfirmed.Outcome.ShouldBe(ComplianceOutcome.Hold);
        unconfirmed.Rule.ShouldBe(ComplianceRules.DtcLimited);

        Evaluate(Order("DE", bottles: 6, on: new DateOnly(2026, 8, 15)), "DE", limitedConfirmed: true).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public void A_purchaser_under_21_is_refused_and_the_21st_birthday_counts()
    {
        var underAge = Evaluate(Order("OR", bottles: 1, dateOfBirth: new DateOnly(2005, 12, 6)), "OR");
        underAge.Outcome.ShouldBe(ComplianceOutcome.Refused);
        underAge.Rule.ShouldBe(ComplianceRules.UnderAge);

        Evaluate(Order("OR", bottles: 1, dateOfBirth: new DateOnly(2005, 12, 5)), "OR").Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public void Someone_born_on_29_February_turns_21_on_28_February_of_a_common_year()
    {
        var leapling = new DateOnly(2004, 2, 29);

        ComplianceEvaluator.IsAdult(leapling, new DateOnly(2025, 2, 27)).ShouldBeFalse();
        ComplianceEvaluator.IsAdult(leapling, new DateOnly(2025, 2, 28)).ShouldBeTrue();
    }

    [Fact]
    public void A_missing_date_of_birth_puts_the_order_on_an_AgeUnverified_hold()
    {
        var result = Evaluate(Order("OR", bottles: 1, withoutDateOfBirth: true), "OR");

        result.Outcome.ShouldBe(ComplianceOutcome.Hold);
        result.Rule.ShouldBe(ComplianceRules.AgeUnverified);
    }

    [Fact]
    public void A_refusal_outranks_a_hold()
    {
        var result = Evaluate(Order("UT", bottles: 1, withoutDateOfBirth: true), "UT", permit: false);

        result.Outcome.ShouldBe(ComplianceOutcome.Refused);
        result.Rule.ShouldBe(ComplianceRules.DtcNotAllowed);
        result.Checks.ShouldContain(c => c.Rule == ComplianceRules.AgeUnverified); // every check is still recorded
    }

    [Fact]
    public void A_gift_to_someone_under_21_is_refused()
    {
        var recipient = new ComplianceParty("kid@example.com", "Sam", "Young", new DateOnly(2008, 1, 1));

        var result = Evaluate(Order("OR", bottles: 1) with { Recipient = recipient }, "OR");

        result.Outcome.ShouldBe(ComplianceOutcome.Refused);
        result.Rule.ShouldBe(ComplianceRules.RecipientUnderAge);
    }

    [Fact]
    public void A_state_that_requires_a_permit_refuses_a_winery_without_one_or_a_location_it_does_not_cover()
    {
        Evaluate(Order("OR", bottles: 1), "OR", permit: false).Rule.ShouldBe(ComplianceRules.PermitNotHeld);

        var elsewhere = Evaluate(Order("OR", bottles: 1) with { ShipFromLocationCode = "NAPA" }, "OR", locations: ["SONOMA"]);
        elsewhere.Rule.ShouldBe(ComplianceRules.LocationNotLicensed);
        Evaluate(Order("OR", bottles: 1) with { ShipFromLocationCode = "sonoma" }, "OR", locations: ["SONOMA"]).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public void An_order_without_alcohol_is_approved_anywhere_without_a_signature()
    {
        var merchandise = Order("UT", bottles: 0) with { Lines = [new ComplianceLine("CORKSCREW", 2, IsAlcohol: false, VolumeMl: 0, 12m)] };

        var result = Evaluate(merchandise, "UT", permit: false);

        result.Outcome.ShouldBe(ComplianceOutcome.Approved);
        result.ContainsAlcohol.ShouldBeFalse();
        result.AdultSignatureRequired.ShouldBeFalse();
    }

    [Fact]
    public void A_carry_out_sale_skips_destination_law_but_not_the_age_check()
    {
        var carryOut = Order("UT", bottles: 24) with { IsCarryOut = true };
        var approved = Evaluate(carryOut, "UT", permit: false);
        approved.Outcome.ShouldBe(ComplianceOutcome.Approved);
        approved.AdultSignatureRequired.ShouldBeFalse();

        Evaluate(carryOut with { Purchaser = carryOut.Purchaser with { DateOfBirth = new DateOnly(2010, 1, 1) } }, "UT", permit: false)
            .Rule.ShouldBe(ComplianceRules.UnderAge);
    }

    [Fact]
    public void Wine_is_shipped_to_US_states_only()
    {
        var abroad = Order("BC", bottles: 1) with { Destination = new ComplianceAddress("1 Main St", null, "Vancouver", "BC", "V5K 0A1", "CA") };
        ComplianceEvaluator.Evaluate(abroad, null, null, []).Rule.ShouldBe(ComplianceRules.NonUsDestination);

        ComplianceEvaluator.Evaluate(Order("XX", bottles: 1), null, null, []).Rule.ShouldBe(ComplianceRules.UnknownDestinationState);
    }

    private static DecisionEvaluation Evaluate(
        DecideComplianceCommand order, string state, bool permit = true, bool limitedConfirmed = false, string[]? locations = null, PriorVolume[]? prior = null)
    {
        var rule = StateRuleVersion.Create(Law[state], 1, At, "seed", "wine-dtc-law.md");
        var held = WineryPermit.Create(state, At, "staff:compliance", "test");
        held.Update(permit, null, "P-1", locations, limitedConfirmed, At, "staff:compliance", "test");
        return ComplianceEvaluator.Evaluate(order, rule, held, prior ?? []);
    }

    private static DecideComplianceCommand Order(string state, int bottles, DateOnly? on = null, DateOnly? dateOfBirth = null, bool withoutDateOfBirth = false)
    {
        var purchaser = new ComplianceParty("ada@example.com", "Ada", "Lovelace", withoutDateOfBirth ? null : dateOfBirth ?? AdultBirthday);
        return new DecideComplianceCommand(
            "decision-1", Guid.NewGuid(), "OH-100001", on ?? OrderDate, purchaser, purchaser,
            new ComplianceAddress("1 Main St", null, "Springfield", state, "12345", "US"), IsCarryOut: false, ShipFromLocationCode: null,
            [new ComplianceLine("CAB-2019-750", bottles, IsAlcohol: true, VolumeMl: Bottle, 30m)]);
    }
}
