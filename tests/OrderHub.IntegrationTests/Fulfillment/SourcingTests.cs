using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Orders.Features.FollowSourcing;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// A ready order is sourced: every line given to a ship-from location at the lowest estimated cost, the reservation moved
/// there, one fulfillment per location, the choice on the order's timeline; an order no location may ship is held.
/// </summary>
public abstract class SourcingTests(HostFixture fixture)
{
    private static readonly string[] NapaOnly = ["NAPA-WH"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task An_order_to_nevada_ships_from_reno_even_though_napa_held_its_stock_and_the_choice_is_on_the_timeline()
    {
        fixture.RequireProvider();
        var sku = await WineAsync(("NAPA-WH", 6), ("RENO-WH", 6));
        var order = await PlaceAsync(Infrastructure.Orders.ValidBody(email: "reno@example.com", sku: sku, quantity: 2, region: "NV", postalCode: "89501"));
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(2); // Inventory's own preference, before sourcing

        await SettleAsync();

        var fulfillment = (await FulfillmentsAsync(order)).EnumerateArray().ShouldHaveSingleItem();
        fulfillment.GetProperty("locationCode").GetString().ShouldBe("RENO-WH");
        fulfillment.GetProperty("type").GetString().ShouldBe("Warehouse");
        fulfillment.GetProperty("status").GetString().ShouldBe("Open");
        var line = fulfillment.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("pickedQuantity").GetInt32()).ShouldBe((sku, 2, 0));
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(0);
        (await InventoryApi.AtAsync(Client, sku, "RENO-WH")).Reserved.ShouldBe(2);
        var after = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        var sourced = after.GetProperty("timeline").EnumerateArray().Last(t => t.GetProperty("event").GetString() == "Sourced");
        sourced.GetProperty("event").GetString().ShouldBe("Sourced");
        sourced.GetProperty("detail").GetString().ShouldBe($"RENO-WH: 2 x {sku}");
        sourced.GetProperty("actor").GetString().ShouldBe("system:fulfillment");
        var rechecked = after.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "ComplianceRechecked");
        rechecked.GetProperty("detail").GetString()!.ShouldContain("RENO-WH");

        await SettleAsync(); // a repeated sweep sources nothing twice
        (await FulfillmentsAsync(order)).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Lines_no_single_location_holds_are_split_into_one_fulfillment_per_location()
    {
        fixture.RequireProvider();
        var napaOnly = await WineAsync(("NAPA-WH", 4));
        var renoOnly = await WineAsync(("RENO-WH", 4));
        var body = Infrastructure.Orders.ValidBody(email: "split@example.com", sku: napaOnly, quantity: 1);
        var order = await PlaceAsync(WithLines(body, (napaOnly, 1), (renoOnly, 2)));

        await SettleAsync();

        var byLocation = (await FulfillmentsAsync(order)).EnumerateArray().ToDictionary(
            f => f.GetProperty("locationCode").GetString()!,
            f => f.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32())).ToList());
        byLocation.Keys.Order().ShouldBe(["NAPA-WH", "RENO-WH"]);
        byLocation["NAPA-WH"].ShouldBe([(napaOnly, 1)]);
        byLocation["RENO-WH"].ShouldBe([(renoOnly, 2)]);
    }

    [Fact]
    public async Task An_order_only_an_unlicensed_location_could_ship_is_held_naming_why_and_nothing_is_fulfilled()
    {
        fixture.RequireProvider();
        (await Client.PutAsJsonAsync("/api/v1/compliance/permits/GA",
            new { held = true, permitNumber = "GA-9", locationCodes = NapaOnly, reason = "Napa only" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sku = await WineAsync(("RENO-WH", 5));
        var order = await PlaceAsync(Infrastructure.Orders.ValidBody(email: "georgia@example.com", sku: sku, quantity: 2, region: "GA", postalCode: "30301"));

        await SettleAsync();

        (await FulfillmentsAsync(order)).GetArrayLength().ShouldBe(0);
        var held = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        held.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = held.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Inventory");
        hold.GetProperty("rule").GetString().ShouldBe("NoShipFromLocation");
        hold.GetProperty("reason").GetString()!.ShouldContain($"2 x {sku}");
        hold.GetProperty("reason").GetString()!.ShouldContain("RENO-WH: not licensed for GA");
    }

    [Fact]
    public async Task A_change_after_sourcing_is_sourced_afresh_and_a_cancel_cancels_what_was_to_ship()
    {
        fixture.RequireProvider();
        var sku = await WineAsync(("NAPA-WH", 8), ("RENO-WH", 3));
        var order = await PlaceAsync(Infrastructure.Orders.ValidBody(email: "changed-after@example.com", sku: sku, quantity: 2, region: "NV", postalCode: "89501"));
        await SettleAsync();
        (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("locationCode").GetString().ShouldBe("RENO-WH");

        using var change = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{order}/changes")
        {
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 5 } }, reason = "Customer wants five" }),
        };
        change.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var changed = await Client.SendAsync(change, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        await SettleAsync();

        var fulfillments = (await FulfillmentsAsync(order)).EnumerateArray().ToList();
        fulfillments.Single(f => f.GetProperty("status").GetString() == "Cancelled").GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(2);
        var open = fulfillments.Where(f => f.GetProperty("status").GetString() == "Open").ToList();
        open.Sum(f => f.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32())).ShouldBe(5);
        foreach (var location in new[] { "NAPA-WH", "RENO-WH" })
        {
            var planned = open.Where(f => f.GetProperty("locationCode").GetString() == location)
                .Sum(f => f.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32()));
            (await InventoryApi.AtAsync(Client, sku, location)).Reserved.ShouldBe(planned, location); // held where it ships from
        }

        var cancel = await Client.PostAsJsonAsync($"/api/v1/orders/{order}/cancel", new { reason = "Changed their mind" }, Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync(Ct));
        await SettleAsync();
        (await FulfillmentsAsync(order)).EnumerateArray().ShouldAllBe(f => f.GetProperty("status").GetString() == "Cancelled");
        (await Stock.ReservedAsync(Client, sku)).ShouldBe(0);
    }

    [Fact]
    public async Task A_permit_that_no_longer_covers_the_origin_holds_the_order_when_compliance_is_taken_again()
    {
        fixture.RequireProvider();
        string[] both = ["NAPA-WH", "RENO-WH"];
        (await Client.PutAsJsonAsync("/api/v1/compliance/permits/GA", new { held = true, permitNumber = "GA-7", locationCodes = both, reason = "Both ship" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var sku = await WineAsync(("RENO-WH", 5));
        var order = await PlaceAsync(Infrastructure.Orders.ValidBody(email: "origin-check@example.com", sku: sku, quantity: 2, region: "GA", postalCode: "30301"));
        await SettleAsync();
        (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("locationCode").GetString().ShouldBe("RENO-WH");

        // The permit changes after sourcing read it; the next re-check for that origin (a re-sourced part) refuses it.
        (await Client.PutAsJsonAsync("/api/v1/compliance/permits/GA", new { held = true, permitNumber = "GA-7", locationCodes = NapaOnly, reason = "Reno dropped" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await fixture.App.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IInternalCommandHandler<RecheckComplianceForOrigin>>()
                .HandleAsync(new RecheckComplianceForOrigin(order, [new SourcedOrigin(Guid.NewGuid(), "RENO-WH")]), Ct);
            return true;
        });

        var held = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        held.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = held.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Compliance");
        hold.GetProperty("reason").GetString()!.ShouldContain("Shipping from RENO-WH");
        (await Client.PutAsJsonAsync("/api/v1/compliance/permits/GA", new { held = true, permitNumber = "GA-7", locationCodes = both, reason = "Reno back" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<string> WineAsync(params (string Location, int Quantity)[] stock) => SourcingSetup.WineAsync(Client, "SRC", stock);

    private Task<Guid> PlaceAsync(object body) => SourcingSetup.PlaceReadyAsync(Client, body, Ct);

    private Task SettleAsync() => SourcingSetup.SettleAsync(fixture.App);

    private Task<JsonElement> FulfillmentsAsync(Guid order) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct);

    private static JsonElement WithLines(object body, params (string Sku, int Quantity)[] lines)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(body))!;
        node["lines"] = new System.Text.Json.Nodes.JsonArray([.. lines.Select(l => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity })]);
        return JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
    }
}

public sealed class SourcingTestsOnSqlite(SqliteHostFixture fixture) : SourcingTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class SourcingTestsOnPostgres(PostgresHostFixture fixture) : SourcingTests(fixture), IClassFixture<PostgresHostFixture>;
