using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Contracts.Queries;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>What sourcing may plan an order from: each location's units of its SKUs, counting the order's own holds.</summary>
public abstract class SourcingStockTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_location_with_the_skus_is_offered_with_the_units_the_order_already_holds_there_counted_back_in()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("SRC");
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 5, "NAPA-WH");
        await InventoryApi.ReceiveAsync(client, sku, 7, "RENO-WH");
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "sourcing@example.com", sku: sku, quantity: 3));
        using var placed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var key = $"order:{placed.RootElement.GetProperty("id").GetGuid():N}"; // placement's reservation key
        var holdsAt = (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).Reserved == 3 ? "NAPA-WH" : "RENO-WH";

        var locations = await InventoryApi.SendAsync(fixture.App, new GetSourcingStockQuery(key, [sku]));

        locations.Select(l => l.Code).ShouldBe(["NAPA-WH", "RENO-WH"]);
        var napa = locations[0].Stock.ShouldHaveSingleItem();
        var reno = locations[1].Stock.ShouldHaveSingleItem();
        (napa.Available, reno.Available).ShouldBe((5, 7)); // the order's 3 count as its own wherever they are held
        (holdsAt == "NAPA-WH" ? napa.HeldForOrder : reno.HeldForOrder).ShouldBe(3);
        locations[0].ShipsToConsumers.ShouldBeTrue();
        locations[0].Region.ShouldBe("CA");

        // Another order's view: the first order's units are not available to it.
        var others = await InventoryApi.SendAsync(fixture.App, new GetSourcingStockQuery("order:someone-else", [sku]));
        others.SelectMany(l => l.Stock).Sum(s => s.Available).ShouldBe(9);
        others.SelectMany(l => l.Stock).Sum(s => s.HeldForOrder).ShouldBe(0);
    }
}

public sealed class SourcingStockTestsOnSqlite(SqliteHostFixture fixture) : SourcingStockTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class SourcingStockTestsOnPostgres(PostgresHostFixture fixture) : SourcingStockTests(fixture), IClassFixture<PostgresHostFixture>;
