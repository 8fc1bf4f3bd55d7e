using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Domain.Rules;
using OrderHub.Modules.Compliance.Persistence;
using Shouldly;
using static OrderHub.IntegrationTests.Compliance.ComplianceScenario;

namespace OrderHub.IntegrationTests.Compliance;

/// <summary>DecideComplianceCommand through the real Mediator pipeline on a real database, against the seeded law table.</summary>
public abstract class DecideComplianceTests(HostFixture fixture)
{
    private static readonly DateOnly AfterDelawareOpens = new(2026, 9, 1);

    private static readonly string[] Limited = ["DC", "DE", "IN", "LA", "MS", "NJ", "RI", "WY"];

    public static TheoryData<string> AllStates() =>
    [
        "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI",
        "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA",
        "VT", "WA", "WI", "WV", "WY",
    ];

    private ComplianceScenario Scenario() => new(fixture.App);

    [Fact]
    public void The_embedded_law_table_has_all_51_rows()
    {
        var rows = LawTable.ParseEmbedded();
        rows.Select(r => r.StateCode).Order().ShouldBe(AllStates().Select(r => (string)r.Data).Order());
        rows.Single(r => r.StateCode == "TX").Limits.Select(l => l.ToString())
            .ShouldBe(["9, gallons, month", "36, gallons, year (12-mo rolling)"]);
        rows.Single(r => r.StateCode == "NV").Limits.Single().Period.ShouldBe(LimitPeriod.FiscalYearJulJun);
        rows.Single(r => r.StateCode == "OH").Limits.Single().Basis.ShouldBe(CountingBasis.Address);
        rows.Single(r => r.StateCode == "DE").DtcChangesOn.ShouldBe(new DateOnly(2026, 8, 15));
        rows.Single(r => r.StateCode == "UT").Limits.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public async Task Two_750ml_bottles_to_an_adult_are_decided_as_the_table_says(string state)
    {
        fixture.RequireProvider();
        var decision = await Scenario().DecideAsync(state, AfterDelawareOpens, Bottles(2));

        var (outcome, rule) = state switch
        {
            "UT" => (ComplianceOutcome.Refused, "DtcNotAllowed"),
            _ when Limited.Contains(state) => (ComplianceOutcome.Hold, "DtcLimited"),
            _ => (ComplianceOutcome.Approved, (string?)null),
        };
        decision.Outcome.ShouldBe(outcome, string.Join(" | ", decision.Facts));
        decision.Rule.ShouldBe(rule);
        decision.AdultSignatureRequired.ShouldBeTrue();
        decision.Facts.ShouldContain(f => f.StartsWith("Destination: Passed", StringComparison.Ordinal) && f.Contains($"({state})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delaware_refuses_before_its_opening_date_and_holds_for_review_from_it()
    {
        fixture.RequireProvider();
        (await Scenario().DecideAsync("DE", new DateOnly(2026, 8, 14), Bottles(2))).Rule.ShouldBe("DtcNotAllowed");
        (await Scenario().DecideAsync("DE", new DateOnly(2026, 8, 15), Bottles(2))).Rule.ShouldBe("DtcLimited");
    }

    [Theory]
    [InlineData("NC", 24, 750, true)] // 2 cases of 9 L a month = 18 L exactly
    [InlineData("NC", 25, 750, false)]
    [InlineData("NC", 12, 1500, true)] // magnums: 18 L
    [InlineData("NC", 13, 1500, false)]
    [InlineData("TN", 12, 750, true)] // 9 litres a month
    [InlineData("TN", 13, 750, false)]
    [InlineData("TX", 45, 750, true)] // 9 gallons = 34.07 L a month: 33.75 L
    [InlineData("TX", 46, 750, false)] // 34.5 L
    [InlineData("CT", 25, 750, true)] // 5 gallons per two months = 18.93 L: 18.75 L
    [InlineData("CT", 26, 750, false)]
    [InlineData("AK", 24, 750, true)] // 18 litres per shipment
    [InlineData("AK", 25, 750, false)]
    public async Task A_single_order_at_the_limit_is_approved_and_one_bottle_over_is_refused(string state, int bottles, int volumeMl, bool approved)
    {
        fixture.RequireProvider();
        var decision = await Scenario().DecideAsync(state, new DateOnly(2026, 3, 15), Bottles(bottles, volumeMl));

        decision.Outcome.ShouldBe(approved ? ComplianceOutcome.Approved : ComplianceOutcome.Refused, string.Join(" | ", decision.Facts));
        decision.Rule.ShouldBe(approved ? null : "VolumeLimitExceeded");
    }

    [Fact]
    public async Task A_calendar_month_limit_counts_earlier_orders_of_the_same_month_only()
    {
        fixture.RequireProvider();
        var s = Scenario();
        (await s.DecideAsync("NC", new DateOnly(2026, 3, 1), Bottles(12))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync("NC", new DateOnly(2026, 3, 31), Bottles(12))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        var over = await s.DecideAsync("NC", new DateOnly(2026, 3, 20), Bottles(1));
        over.Rule.ShouldBe("VolumeLimitExceeded");
        over.Facts.ShouldContain(f => f.Contains("earlier 18 L + this order 0.75 L = 18.75 L", StringComparison.Ordinal));
        (await s.DecideAsync("NC", new DateOnly(2026, 4, 1), Bottles(24))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync("NC", new DateOnly(2026, 2, 28), Bottles(24))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public async Task A_calendar_year_limit_adds_up_months_and_restarts_in_january()
    {
        fixture.RequireProvider();
        var s = Scenario(); // TN: 9 L a month and 27 L a year
        foreach (var month in new[] { 1, 2, 3 })
        {
            (await s.DecideAsync("TN", new DateOnly(2026, month, 10), Bottles(12))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        }

        var fourth = await s.DecideAsync("TN", new DateOnly(2026, 4, 10), Bottles(1));
        fourth.Rule.ShouldBe("VolumeLimitExceeded");
        fourth.Facts.ShouldContain(f => f.Contains("27, litres, year", StringComparison.Ordinal) && f.Contains("Failed", StringComparison.Ordinal));
        (await s.DecideAsync("TN", new DateOnly(2027, 1, 2), Bottles(12))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public async Task A_rolling_12_month_limit_lets_an_order_drop_out_after_twelve_months()
    {
        fixture.RequireProvider();
        var s = Scenario(); // TX: 36 gallons = 136.27 L in any 12 months; 45 bottles = 33.75 L
        foreach (var date in new[] { new DateOnly(2025, 6, 15), new DateOnly(2025, 9, 15), new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 15) })
        {
            (await s.DecideAsync("TX", date, Bottles(45))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        }

        // 135 L so far: 2 more bottles (136.5 L) exceed 136.27 L while June 2025 is still in the window ...
        // (the window of 2026-06-14 is 2025-06-15..2026-06-14) ...
        (await s.DecideAsync("TX", new DateOnly(2026, 6, 14), Bottles(2))).Rule.ShouldBe("VolumeLimitExceeded");
        // ... and fit the next day, when it has dropped out (a calendar year would have allowed it since January).
        (await s.DecideAsync("TX", new DateOnly(2026, 6, 15), Bottles(2))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public async Task A_fiscal_year_limit_runs_july_to_june()
    {
        fixture.RequireProvider();
        var s = Scenario(); // NV: 12 cases = 108 L = 144 bottles, July-June
        (await s.DecideAsync("NV", new DateOnly(2026, 6, 30), Bottles(144))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync("NV", new DateOnly(2025, 7, 1), Bottles(1))).Rule.ShouldBe("VolumeLimitExceeded");
        (await s.DecideAsync("NV", new DateOnly(2026, 7, 1), Bottles(144))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public async Task A_two_month_limit_is_rolling()
    {
        fixture.RequireProvider();
        var s = Scenario(); // CT: 5 gallons = 18.93 L in any two months
        (await s.DecideAsync("CT", new DateOnly(2026, 1, 20), Bottles(20))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync("CT", new DateOnly(2026, 3, 19), Bottles(6))).Rule.ShouldBe("VolumeLimitExceeded"); // 19.5 L in 2026-01-20..03-19
        (await s.DecideAsync("CT", new DateOnly(2026, 3, 20), Bottles(6))).Outcome.ShouldBe(ComplianceOutcome.Approved); // window starts 01-21
    }

    [Fact]
    public async Task The_same_consumer_is_recognised_by_email_or_by_name_and_address()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var date = new DateOnly(2026, 5, 5);
        var first = s.Consumer();
        (await s.DecideAsync(s.Command("NC", date, [Bottles(20)], first, line1: "12 North Oak Street"))).Outcome.ShouldBe(ComplianceOutcome.Approved);

        var otherEmailSameNameAndAddress = first with { Email = "other-" + s.Email, FirstName = " ada " };
        (await s.DecideAsync(s.Command("NC", date, [Bottles(5)], otherEmailSameNameAndAddress, line1: "12 N. Oak St")))
            .Rule.ShouldBe("VolumeLimitExceeded");
        (await s.DecideAsync(s.Command("NC", date, [Bottles(5)], first, line1: "99 Elsewhere Rd"))).Rule.ShouldBe("VolumeLimitExceeded");
        var stranger = new ComplianceParty("stranger-" + s.Email, "Grace", "Hopper", AdultDob);
        (await s.DecideAsync(s.Command("NC", date, [Bottles(5)], stranger, line1: "12 North Oak Street"))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public async Task A_household_limit_counts_everyone_at_the_address()
    {
        fixture.RequireProvider();
        var s = Scenario(); // HI: 6 cases = 54 L a year per household
        var date = new DateOnly(2026, 5, 5);
        var line1 = $"{Random.Shared.Next(1000, 9999)} Kapiolani Blvd";
        (await s.DecideAsync(s.Command("HI", date, [Bottles(60)], line1: line1))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        var housemate = new ComplianceParty("housemate-" + s.Email, "Grace", "Hopper", AdultDob);
        (await s.DecideAsync(s.Command("HI", date, [Bottles(13)], housemate, line1: line1))).Rule.ShouldBe("VolumeLimitExceeded");
        (await s.DecideAsync(s.Command("HI", date, [Bottles(12)], housemate, line1: line1))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Fact]
    public async Task Re_deciding_an_edited_order_counts_its_volume_once_and_cancelling_releases_it()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var date = new DateOnly(2026, 5, 5);
        var orderId = Guid.NewGuid();
        (await s.DecideAsync(s.Command("NC", date, [Bottles(20)], orderId: orderId))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync(s.Command("NC", date, [Bottles(24)], orderId: orderId))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync(s.Command("NC", date, [Bottles(1)]))).Rule.ShouldBe("VolumeLimitExceeded");

        (await s.ReleaseAsync(orderId)).ShouldBeTrue();
        (await s.ReleaseAsync(orderId)).ShouldBeFalse();
        (await s.DecideAsync(s.Command("NC", date, [Bottles(24)]))).Outcome.ShouldBe(ComplianceOutcome.Approved);
    }

    [Theory]
    [InlineData("2005-09-02", ComplianceOutcome.Refused, "UnderAge")] // 20 years and 364 days on 2026-09-01
    [InlineData("2005-09-01", ComplianceOutcome.Approved, null)] // 21st birthday
    public async Task The_purchaser_must_be_21_on_the_order_date(string dob, ComplianceOutcome outcome, string? rule)
    {
        fixture.RequireProvider();
        var s = Scenario();
        var decision = await s.DecideAsync(s.Command("CA", new DateOnly(2026, 9, 1), [Bottles(2)], s.Consumer(DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture))));
        decision.Outcome.ShouldBe(outcome);
        decision.Rule.ShouldBe(rule);
    }

    [Fact]
    public async Task A_missing_date_of_birth_holds_the_order_as_age_unverified()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var decision = await s.DecideAsync(s.Command("CA", new DateOnly(2026, 9, 1), [Bottles(2)], s.Consumer(noDob: true)));
        decision.Outcome.ShouldBe(ComplianceOutcome.Hold);
        decision.Rule.ShouldBe("AgeUnverified");
        decision.AdultSignatureRequired.ShouldBeTrue();
    }

    [Fact]
    public async Task A_carry_out_sale_ignores_the_destination_state_but_not_the_age()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var date = new DateOnly(2026, 9, 1);
        var adult = await s.DecideAsync(s.Command("UT", date, [Bottles(200)], carryOut: true));
        adult.Outcome.ShouldBe(ComplianceOutcome.Approved);
        adult.AdultSignatureRequired.ShouldBeFalse();

        var minor = await s.DecideAsync(s.Command("CA", date, [Bottles(1)], s.Consumer(new DateOnly(2010, 1, 1)), carryOut: true));
        minor.Outcome.ShouldBe(ComplianceOutcome.Refused);
        minor.Rule.ShouldBe("UnderAge");
    }

    [Fact]
    public async Task A_gift_checks_the_purchaser_at_purchase_and_the_recipient_at_delivery()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var date = new DateOnly(2026, 9, 1);
        var buyer = s.Consumer();
        var friendNoDob = new ComplianceParty("friend-" + s.Email, "Grace", "Hopper", null);

        var gift = await s.DecideAsync(s.Command("NY", date, [Bottles(2)], buyer, friendNoDob));
        gift.Outcome.ShouldBe(ComplianceOutcome.Approved);
        gift.AdultSignatureRequired.ShouldBeTrue();
        gift.Facts.ShouldContain(f => f.StartsWith("RecipientAge: Passed", StringComparison.Ordinal) && f.Contains("adult (21+) signature", StringComparison.Ordinal));

        var minorFriend = friendNoDob with { DateOfBirth = new DateOnly(2008, 1, 1) };
        (await s.DecideAsync(s.Command("NY", date, [Bottles(2)], buyer, minorFriend))).Rule.ShouldBe("RecipientUnderAge");

        var minorBuyer = s.Consumer(new DateOnly(2008, 1, 1));
        (await s.DecideAsync(s.Command("NY", date, [Bottles(2)], minorBuyer, friendNoDob with { DateOfBirth = AdultDob }))).Rule.ShouldBe("UnderAge");
    }

    [Fact]
    public async Task An_order_without_alcohol_passes_untouched_even_where_wine_may_not_go()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var decision = await s.DecideAsync(s.Command("UT", new DateOnly(2026, 9, 1), [new ComplianceLine("OPENER-01", 3, false, 0, 18m)], s.Consumer(noDob: true)));
        decision.Outcome.ShouldBe(ComplianceOutcome.Approved);
        decision.Rule.ShouldBeNull();
        decision.AdultSignatureRequired.ShouldBeFalse();
        decision.Facts.ShouldHaveSingleItem().ShouldContain("No alcohol");
    }

    [Fact]
    public async Task A_destination_outside_the_us_is_refused()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var decision = await s.DecideAsync(s.Command("ON", new DateOnly(2026, 9, 1), [Bottles(2)], country: "CA"));
        decision.Outcome.ShouldBe(ComplianceOutcome.Refused);
        decision.Rule.ShouldBe("NonUsDestination");
    }

    [Fact]
    public async Task The_same_decision_key_returns_the_first_decision()
    {
        fixture.RequireProvider();
        var s = Scenario();
        var first = s.Command("CA", new DateOnly(2026, 9, 1), [Bottles(2)]);
        var a = await s.DecideAsync(first);
        var b = await s.DecideAsync(first with { Destination = Address("UT") });
        b.ShouldBe(a with { Facts = b.Facts });
        b.Facts.ShouldBe(a.Facts);
        b.Outcome.ShouldBe(ComplianceOutcome.Approved);
        var c = await s.DecideAsync(first with { DecisionKey = first.DecisionKey + "-2", Destination = Address("UT") });
        c.DecisionId.ShouldNotBe(a.DecisionId);
        c.Rule.ShouldBe("DtcNotAllowed");
    }

    [Fact]
    public async Task Without_the_permit_the_state_is_refused_and_a_location_outside_the_permit_too()
    {
        fixture.RequireProvider();
        await SetPermitsAsync(ks: false, gaLocations: ["NAPA-WH"]);
        try
        {
            var s = Scenario();
            var date = new DateOnly(2026, 9, 1);
            (await s.DecideAsync("KS", date, Bottles(2))).Rule.ShouldBe("PermitNotHeld");
            (await s.DecideAsync(s.Command("GA", date, [Bottles(2)], shipFrom: "RENO-WH"))).Rule.ShouldBe("LocationNotLicensed");
            (await s.DecideAsync(s.Command("GA", date, [Bottles(2)], shipFrom: "NAPA-WH"))).Outcome.ShouldBe(ComplianceOutcome.Approved);
            (await s.DecideAsync(s.Command("OR", date, [Bottles(2)], shipFrom: "RENO-WH"))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        }
        finally
        {
            await SetPermitsAsync(ks: true, gaLocations: null);
        }
    }

    private Task<int> SetPermitsAsync(bool ks, string[]? gaLocations) =>
        fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ComplianceDbContext>();
            var kansas = await db.Permits.SingleAsync(p => p.StateCode == "KS");
            kansas.Update(ks, kansas.PermitName, null, null, false, DateTimeOffset.UtcNow, "test", "permit lapsed or renewed");
            var georgia = await db.Permits.SingleAsync(p => p.StateCode == "GA");
            georgia.Update(true, georgia.PermitName, "GA-1", gaLocations, false, DateTimeOffset.UtcNow, "test", "locations");
            return await db.SaveChangesAsync();
        });
}

public sealed class DecideComplianceTestsOnSqlite(SqliteHostFixture fixture) : DecideComplianceTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class DecideComplianceTestsOnPostgres(PostgresHostFixture fixture) : DecideComplianceTests(fixture), IClassFixture<PostgresHostFixture>;
