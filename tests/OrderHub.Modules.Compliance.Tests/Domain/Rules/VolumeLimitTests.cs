using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Domain.Decisions;
using OrderHub.Modules.Compliance.Domain.Rules;
using Shouldly;

namespace OrderHub.Modules.Compliance.Tests.Domain.Rules;

/// <summary>Per-consumer volume limits as the law table writes them, and the windows they count over.</summary>
public sealed class VolumeLimitTests
{
    [Fact]
    public void The_seeded_law_covers_every_state_and_DC_and_each_limit_survives_being_stored_as_text()
    {
        var law = LawTable.ParseEmbedded();

        law.Select(r => r.StateCode).Distinct().Count().ShouldBe(51);
        foreach (var limit in law.SelectMany(r => r.Limits))
        {
            VolumeLimit.Parse(limit.ToString()).ShouldBe(limit);
        }
    }

    [Fact]
    public void Oregon_reads_as_five_9_litre_cases_per_person_per_calendar_month()
    {
        var oregon = LawTable.ParseEmbedded().Single(r => r.StateCode == "OR").Limits.ShouldHaveSingleItem();

        oregon.Millilitres.ShouldBe(45_000m);
        oregon.Basis.ShouldBe(CountingBasis.Person);
        oregon.Window(new DateOnly(2026, 2, 14)).ShouldBe((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)));
    }

    [Theory]
    [InlineData("12, bottles, month", 9_000)]
    [InlineData("5, cases-of-9L, month", 45_000)]
    [InlineData("9, litres, month", 9_000)]
    [InlineData("9, gallons, month", 34_068.706056)]
    public void A_limit_converts_to_millilitres_exactly(string text, double millilitres) =>
        VolumeLimit.Parse(text).Millilitres.ShouldBe((decimal)millilitres);

    [Theory]
    [InlineData("5, gallons, 2-month", "2026-03-31", "2026-02-01", "2026-03-31")] // Connecticut: any two-month period
    [InlineData("12, cases-of-9L, year (12-mo rolling)", "2026-12-05", "2025-12-06", "2026-12-05")] // Alabama
    [InlineData("36, cases-of-9L, year", "2026-12-05", "2026-01-01", "2026-12-31")] // New York: calendar year
    [InlineData("2, cases-of-9L, year (Jul-Jun FY)", "2026-03-10", "2025-07-01", "2026-06-30")]
    [InlineData("2, cases-of-9L, year (Jul-Jun FY)", "2026-07-01", "2026-07-01", "2027-06-30")]
    [InlineData("6, bottles, per-shipment", "2026-12-05", "2026-12-05", "2026-12-05")]
    public void A_limit_counts_the_orders_placed_in_its_window(string text, string orderDate, string from, string to) =>
        VolumeLimit.Parse(text).Window(DateOnly.Parse(orderDate, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("3, cases-of-9L, year (household)")]
    [InlineData("12, cases-of-9L, year (address)")]
    public void A_household_or_address_limit_counts_the_address(string text) =>
        VolumeLimit.Parse(text).Basis.ShouldBe(CountingBasis.Address);

    [Theory]
    [InlineData("none")]
    [InlineData("n/a")]
    [InlineData("")]
    public void No_limit_reads_as_none(string text) => VolumeLimit.ParseList(text).ShouldBeEmpty();

    [Theory]
    [InlineData("five, cases-of-9L, month")]
    [InlineData("5, kegs, month")]
    [InlineData("5, cases-of-9L, fortnight")]
    [InlineData("0, bottles, month")]
    [InlineData("5, month")]
    public void A_malformed_limit_is_refused_rather_than_read_as_no_limit(string text) =>
        Should.Throw<FormatException>(() => VolumeLimit.Parse(text));

    [Fact]
    public void The_same_consumer_is_recognised_despite_spelling_of_the_address()
    {
        var ada = new ComplianceParty("Ada@Example.com ", "Ada", "Lovelace", null);
        var first = ConsumerKeys.For(ada, new ComplianceAddress("1 Main Street", "Apartment 4", "Portland", "OR", "97201-1234", "US"));
        var second = ConsumerKeys.For(ada with { Email = "ada.l@example.com", FirstName = "ADA" },
            new ComplianceAddress("1 main st.", "apt 4", "PORTLAND", "or", "97201", "US"));

        second.Person.ShouldBe(first.Person);
        second.Address.ShouldBe(first.Address);
        first.Email.ShouldBe("ada@example.com");
    }
}
