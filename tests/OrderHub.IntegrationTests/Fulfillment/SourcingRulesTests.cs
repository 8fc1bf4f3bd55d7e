using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// Staff rules decide before the optimiser and are kept with every edit: "ship NV from NAPA-WH first" makes an order to
/// Reno ship from Napa although Reno is cheaper, the decision names the rule, and the edit is audited.
/// </summary>
public abstract class SourcingRulesTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task A_staff_rule_ships_nevada_from_napa_the_decision_names_it_and_each_edit_is_kept()
    {
        fixture.RequireProvider();
        var before = await Client.GetFromJsonAsync<JsonElement>("/api/v1/fulfillment/sourcing-rules", Ct);
        var version = before.GetProperty("version").GetInt32();
        var put = await Client.PutAsJsonAsync("/api/v1/fulfillment/sourcing-rules", new
        {
            version,
            reason = "Reno is short-staffed this week",
            rules = new object[] { new { kind = "PreferLocation", region = "nv", locationCode = "NAPA-WH" }, new { kind = "NeverSplit", channel = "Club" } },
        }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var rules = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        rules.GetProperty("version").GetInt32().ShouldBe(version + 1);
        rules.GetProperty("updatedBy").GetString()!.ShouldStartWith("api:");
        rules.GetProperty("rules")[0].GetProperty("description").GetString().ShouldBe("PreferLocationRule: NV from NAPA-WH");

        var sku = InventoryApi.NewSku("RULE");
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 6, "NAPA-WH");
        await InventoryApi.ReceiveAsync(Client, sku, 6, "RENO-WH");
        var placed = await OrderHubApp.PlaceOrderAsync(Client, Infrastructure.Orders.ValidBody(email: "ruled@example.com", sku: sku, quantity: 2, region: "NV", postalCode: "89501"));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        var order = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await fixture.App.DispatchOutboxAsync();
        }

        var decision = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/sourcing", Ct);
        decision.GetProperty("plan").EnumerateArray().Single().GetProperty("locationCode").GetString().ShouldBe("NAPA-WH");
        decision.GetProperty("decidingRule").GetString().ShouldBe("PreferLocationRule: NV from NAPA-WH");

        (await Client.PutAsJsonAsync("/api/v1/fulfillment/sourcing-rules", new { version, reason = "stale", rules = Array.Empty<object>() }, Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
        var invalid = await Client.PutAsJsonAsync("/api/v1/fulfillment/sourcing-rules", new { reason = "bad", rules = new object[] { new { kind = "Teleport" }, new { kind = "PreferLocation", region = "Nevada" } } }, Ct);
        var problem = await InventoryApi.ProblemAsync(invalid, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["rules[0].kind", "rules[1].locationCode", "rules[1].region"], ignoreOrder: true);
        var cleared = await Client.PutAsJsonAsync("/api/v1/fulfillment/sourcing-rules", new { version = version + 1, reason = "Reno is back", rules = Array.Empty<object>() }, Ct);
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);

        var changes = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/fulfillment/sourcing-rules/changes", Ct)).EnumerateArray().ToList();
        changes.Select(c => c.GetProperty("reason").GetString()).Take(2).ShouldBe(["Reno is back", "Reno is short-staffed this week"]);
        changes[0].GetProperty("before").GetArrayLength().ShouldBe(2);
        changes[0].GetProperty("after").GetArrayLength().ShouldBe(0);
        changes[1].GetProperty("after")[1].GetProperty("description").GetString().ShouldBe("NeverSplitRule: channel Club");
        changes.ShouldAllBe(c => c.GetProperty("actor").GetString()!.StartsWith("api:"));
    }
}

public sealed class SourcingRulesTestsOnSqlite(SqliteHostFixture fixture) : SourcingRulesTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class SourcingRulesTestsOnPostgres(PostgresHostFixture fixture) : SourcingRulesTests(fixture), IClassFixture<PostgresHostFixture>;
