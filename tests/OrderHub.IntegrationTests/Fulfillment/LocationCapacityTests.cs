using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Features.ResourceStuckWork;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// Locations' fulfillment settings as staff set them (issue 21): a location full for today is passed over and the
/// decision says why, the handling cost decides between Reno and Napa, past the cut-off the quote and the decision
/// deliver a business day later, work left off pick lists past the deadline is sourced elsewhere with each step on the
/// order's timeline, and edits are versioned, validated and kept. Each test sets the terms of the locations it uses.
/// </summary>
public abstract class LocationCapacityTests(HostFixture fixture)
{
    private const string Reno = "RENO-WH";
    private const string Napa = "NAPA-WH";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task A_location_at_its_daily_limit_is_passed_over_and_the_decision_says_why()
    {
        fixture.RequireProvider();
        await SetAsync(Napa);
        await SetAsync(Reno);
        var sku = await SourcingSetup.WineAsync(Client, "CAP", (Napa, 10), (Reno, 10));
        var first = await PlaceAsync(sku, "cap-first@example.com");
        (await DecisionAsync(first)).GetProperty("plan")[0].GetProperty("locationCode").GetString().ShouldBe(Reno);

        await SetAsync(Reno, dailyLimit: 1, reason: "One picker in Reno today");
        var second = await PlaceAsync(sku, "cap-second@example.com");

        var decision = await DecisionAsync(second);
        decision.GetProperty("plan").EnumerateArray().ShouldHaveSingleItem().GetProperty("locationCode").GetString().ShouldBe(Napa);
        var reno = decision.GetProperty("considered").EnumerateArray().Single(c => c.GetProperty("locationCode").GetString() == Reno);
        reno.GetProperty("chosen").GetBoolean().ShouldBeFalse();
        reno.GetProperty("reason").GetString()!.ShouldMatch(@"^AtDailyCapacity: \d+ of 1 today$");
        await SetAsync(Reno);
    }

    [Fact]
    public async Task The_handling_cost_setting_changes_which_location_wins()
    {
        fixture.RequireProvider();
        await SetAsync(Napa);
        await SetAsync(Reno, handlingCost: 60m, reason: "Reno packs by hand this month");
        var sku = await SourcingSetup.WineAsync(Client, "HANDLE", (Napa, 10), (Reno, 10));

        var order = await PlaceAsync(sku, "handling@example.com");

        var decision = await DecisionAsync(order);
        decision.GetProperty("plan")[0].GetProperty("locationCode").GetString().ShouldBe(Napa);
        var reno = decision.GetProperty("considered").EnumerateArray().Single(c => c.GetProperty("locationCode").GetString() == Reno);
        reno.GetProperty("reason").GetString()!.ShouldStartWith("costs ");
        var napaCost = decision.GetProperty("plan")[0].GetProperty("estimatedCost").GetProperty("amount").GetDecimal();
        reno.GetProperty("estimatedCost").GetProperty("amount").GetDecimal().ShouldBeGreaterThan(napaCost);

        await SetAsync(Reno); // back to 2.50: Reno wins again
        (await DecisionAsync(await PlaceAsync(sku, "handling-back@example.com"))).GetProperty("plan")[0].GetProperty("locationCode").GetString().ShouldBe(Reno);
    }

    [Fact]
    public async Task Past_the_cut_off_the_quote_and_the_decision_deliver_a_business_day_later()
    {
        fixture.RequireProvider();
        await SetAsync(Reno, cutOffLocal: null);
        var sku = await SourcingSetup.WineAsync(Client, "CUTOFF", (Reno, 10));
        var before = await QuoteAsync(sku);

        await SetAsync(Reno, cutOffLocal: "00:00", reason: "Carrier collects at midnight"); // always past it: work ships the next business day
        var after = await QuoteAsync(sku);
        var order = await PlaceAsync(sku, "cutoff@example.com");

        after.ShouldBe(DeliveryEstimate.AddBusinessDays(before, 1));
        var shipment = (await DecisionAsync(order)).GetProperty("plan").EnumerateArray().ShouldHaveSingleItem();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly.Parse(shipment.GetProperty("shipDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(DeliveryEstimate.AddBusinessDays(today, 1));
        DateOnly.Parse(shipment.GetProperty("estimatedDelivery").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(after);
        await SetAsync(Reno);
    }

    [Fact]
    public async Task Work_left_off_pick_lists_past_the_deadline_is_sourced_elsewhere_once_and_the_timeline_says_so()
    {
        fixture.RequireProvider();
        await SetAsync(Napa);
        await SetAsync(Reno, pickDeadlineHours: 2, reason: "Orders must not wait in Reno");
        var sku = await SourcingSetup.WineAsync(Client, "STUCK", (Napa, 6), (Reno, 6));
        var order = await PlaceAsync(sku, "stuck@example.com");
        var sourced = (await FulfillmentsAsync(order)).ShouldHaveSingleItem();
        sourced.GetProperty("locationCode").GetString().ShouldBe(Reno);

        var clock = new ShiftingClock();
        clock.Advance(TimeSpan.FromHours(3));
        await using (var later = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))))
        {
            async Task<int> RunJobAsync()
            {
                await using var scope = later.Services.CreateAsyncScope(); // as Hangfire: a scope per run
                return await scope.ServiceProvider.GetRequiredService<ResourceStuckWorkJob>().RunAsync(Ct);
            }

            var runs = await Task.WhenAll(RunJobAsync(), RunJobAsync()); // two hosts at once
            runs.Sum().ShouldBeGreaterThanOrEqualTo(1);
            await RunJobAsync(); // and again later: nothing more for this order
        }

        await SourcingSetup.SettleAsync(fixture.App);

        var fulfillments = await FulfillmentsAsync(order);
        fulfillments.Select(f => (f.GetProperty("locationCode").GetString(), f.GetProperty("status").GetString())).ShouldBe([(Reno, "Cancelled"), (Napa, "Open")], ignoreOrder: true);
        (await InventoryApi.AtAsync(Client, sku, Reno)).Reserved.ShouldBe(0);
        (await InventoryApi.AtAsync(Client, sku, Napa)).Reserved.ShouldBe(2);
        var decision = await DecisionAsync(order);
        decision.GetProperty("considered").EnumerateArray().Single(c => c.GetProperty("locationCode").GetString() == Reno)
            .GetProperty("reason").GetString().ShouldBe("StuckWork: not on a pick list within 2 h");
        var timeline = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray()
            .Select(t => (Event: t.GetProperty("event").GetString(), Detail: t.GetProperty("detail").GetString())).ToList();
        timeline.Count(t => t.Event == "StuckWorkResourced").ShouldBe(1);
        timeline.Single(t => t.Event == "StuckWorkResourced").Detail.ShouldBe($"{Reno}: not on a pick list within 2 h; sourcing again elsewhere");
        timeline.Last(t => t.Event == "Sourced").Detail.ShouldBe($"{Napa}: 2 x {sku}");
        timeline.FindIndex(t => t.Event == "StuckWorkResourced").ShouldBeLessThan(timeline.FindLastIndex(t => t.Event == "Sourced"));
        await SetAsync(Reno);
    }

    [Fact]
    public async Task Settings_edits_are_versioned_validated_and_kept()
    {
        fixture.RequireProvider();
        var code = $"CAP-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var created = await PutAsync(code, new { reason = "New dock", handlingCost = 3.25m, dailyLimit = 120, cutOffLocal = "15:00", timeZone = "America/Los_Angeles", pickDeadlineHours = 24 });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync(Ct));
        var first = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (first.GetProperty("version").GetInt32(), first.GetProperty("handlingCost").GetDecimal(), first.GetProperty("currency").GetString(), first.GetProperty("cutOffLocal").GetString(),
            first.GetProperty("timeZone").GetString(), first.GetProperty("dailyLimit").GetInt32(), first.GetProperty("pickDeadlineHours").GetInt32())
            .ShouldBe((1, 3.25m, "USD", "15:00", "America/Los_Angeles", 120, 24));
        first.GetProperty("updatedBy").GetString()!.ShouldStartWith("api:");

        var edited = await PutAsync(code, new { version = 1, reason = "Peak season", handlingCost = 4m, timeZone = "America/Los_Angeles" });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await PutAsync(code, new { version = 1, reason = "stale", handlingCost = 5m, timeZone = "America/Los_Angeles" });
        (await InventoryApi.ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("version 2");
        var bad = await PutAsync(code, new { handlingCost = -1m, cutOffLocal = "3pm", timeZone = "Mars/Olympus", pickDeadlineHours = 0, dailyLimit = -5 });
        var errors = (await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["reason", "handlingCost", "dailyLimit", "cutOffLocal", "timeZone", "pickDeadlineHours"], ignoreOrder: true);

        var listed = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/fulfillment/locations/settings", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("locationCode").GetString() == code);
        (listed.GetProperty("version").GetInt32(), listed.GetProperty("handlingCost").GetDecimal(), listed.GetProperty("dailyLimit").ValueKind).ShouldBe((2, 4m, JsonValueKind.Null));
        var changes = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/fulfillment/locations/settings/changes?locationCode={code}", Ct)).EnumerateArray().ToList();
        changes.Select(c => (c.GetProperty("version").GetInt32(), c.GetProperty("reason").GetString())).ShouldBe([(2, "Peak season"), (1, "New dock")]);
        changes[1].GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        changes[0].GetProperty("before").GetProperty("handlingCost").GetDecimal().ShouldBe(3.25m);
        changes[0].GetProperty("after").GetProperty("cutOffLocal").ValueKind.ShouldBe(JsonValueKind.Null);
        changes.ShouldAllBe(c => c.GetProperty("actor").GetString()!.StartsWith("api:"));
    }

    /// <summary>Sets a location's terms (the version read first); defaults are today's warehouse terms: 2.50, no limit, no cut-off, no deadline.</summary>
    private async Task SetAsync(
        string code, decimal handlingCost = 2.50m, int? dailyLimit = null, string? cutOffLocal = null, int? pickDeadlineHours = null, string reason = "Test set-up")
    {
        var current = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/fulfillment/locations/settings", Ct)).EnumerateArray()
            .Where(s => s.GetProperty("locationCode").GetString() == code).Select(s => s.GetProperty("version").GetInt32()).FirstOrDefault();
        var response = await PutAsync(code, new { version = current, reason, handlingCost, dailyLimit, cutOffLocal, timeZone = "Etc/UTC", pickDeadlineHours });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private Task<HttpResponseMessage> PutAsync(string code, object body) => Client.PutAsJsonAsync($"/api/v1/fulfillment/locations/{code}/settings", body, Ct);

    private async Task<Guid> PlaceAsync(string sku, string email)
    {
        var order = await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: 2, region: "NV", postalCode: "89501"), Ct);
        await SourcingSetup.SettleAsync(fixture.App);
        return order;
    }

    private async Task<DateOnly> QuoteAsync(string sku)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", new
        {
            lines = new[] { new { sku, quantity = 2 } },
            shippingAddress = new { region = "NV", postalCode = "89501", country = "US" },
            shippingService = "Ground",
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var quote = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        quote.GetProperty("plan")[0].GetProperty("locationCode").GetString().ShouldBe(Reno);
        return DateOnly.Parse(quote.GetProperty("estimatedDelivery").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<JsonElement> DecisionAsync(Guid order) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/sourcing", Ct);

    private async Task<List<JsonElement>> FulfillmentsAsync(Guid order) =>
        [.. (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray()];
}

public sealed class LocationCapacityTestsOnSqlite(SqliteHostFixture fixture) : LocationCapacityTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class LocationCapacityTestsOnPostgres(PostgresHostFixture fixture) : LocationCapacityTests(fixture), IClassFixture<PostgresHostFixture>;
