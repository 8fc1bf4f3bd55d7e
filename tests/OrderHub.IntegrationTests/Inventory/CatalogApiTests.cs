using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Features.VerifyStockLedger;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>
/// The catalog list and editor and the cycle count through HTTP on each provider: <c>GET /api/v1/products</c> pages and
/// searches (case-insensitively on PostgreSQL too), <c>PUT /api/v1/products/{sku}</c> replaces the facts with the create
/// rules, <c>POST /api/v1/inventory/counts</c> adjusts by the variance with a ledger entry and refuses to count below what
/// is reserved, changing nothing.
/// </summary>
public abstract class CatalogApiTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Products_are_listed_by_sku_in_pages_and_found_by_sku_prefix_or_any_part_of_the_name_in_any_case()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var prefix = $"LST{Guid.NewGuid():N}"[..11].ToUpperInvariant();
        string[] skus = [$"{prefix}-A", $"{prefix}-B", $"{prefix}-C"];
        foreach (var sku in skus)
        {
            await InventoryApi.CreateProductAsync(client, sku);
        }

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?search={prefix.ToLowerInvariant()}&page=1&pageSize=2", Ct);
        first.GetProperty("total").GetInt32().ShouldBe(3);
        (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()).ShouldBe((1, 2));
        first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()).ShouldBe(skus[..2]);
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?search={prefix}&page=2&pageSize=2", Ct);
        second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()).ShouldBe([skus[2]]);

        // By name, in another case: the demo's "Waiter's Corkscrew".
        var byName = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?search=CORKSCREW", Ct);
        var opener = byName.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        opener.GetProperty("sku").GetString().ShouldBe("OPENER-01");
        opener.GetProperty("isAlcohol").GetBoolean().ShouldBeFalse();
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/products?search=100%25_off", Ct)).GetProperty("total").GetInt32().ShouldBe(0);

        var everything = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=200", Ct);
        everything.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(13); // the demo catalog and ours
        everything.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == "CLUB-6-2024").GetProperty("isKit").GetBoolean().ShouldBeTrue();

        var bad = await client.GetAsync("/api/v1/products?pageSize=500", Ct);
        (await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("pageSize", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_product_is_edited_with_put_with_the_create_rules_and_an_unknown_sku_is_404()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("PUT");
        await InventoryApi.CreateProductAsync(client, sku);

        var put = await client.PutAsJsonAsync($"/api/v1/products/{sku}", new
        {
            name = "Reserve Merlot",
            price = 55.25m,
            currency = "USD",
            weightGrams = 1500,
            isAlcohol = true,
            varietal = "Merlot",
            vintage = 2020,
            volumeMl = 1500,
            unitsPerCase = 6,
        }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{sku}", Ct);
        product.GetProperty("name").GetString().ShouldBe("Reserve Merlot");
        product.GetProperty("price").GetDecimal().ShouldBe(55.25m);
        (product.GetProperty("vintage").GetInt32(), product.GetProperty("volumeMl").GetInt32(), product.GetProperty("unitsPerCase").GetInt32()).ShouldBe((2020, 1500, 6));

        var refused = await client.PutAsJsonAsync($"/api/v1/products/{sku}", new { name = "", price = -1m, currency = "ZZZ", vintage = 1700 }, Ct);
        var errors = (await InventoryApi.ProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "name", "price", "currency", "vintage" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{sku}", Ct)).GetProperty("name").GetString().ShouldBe("Reserve Merlot");
        var unknown = await client.PutAsJsonAsync("/api/v1/products/NO-SUCH-SKU", new { name = "x", price = 1m, currency = "USD" }, Ct);
        await InventoryApi.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cycle_count_adjusts_by_the_variance_on_the_ledger_and_never_counts_below_what_is_reserved()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("CNT");
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 10, "NAPA-WH", lot: "L-CNT", bin: "B-01-1");

        var counted = await CountAsync(client, new { locationCode = "NAPA-WH", bin = "B-01-1", sku, lot = "L-CNT", countedQuantity = 7 });
        (counted.GetProperty("expected").GetInt32(), counted.GetProperty("counted").GetInt32(), counted.GetProperty("variance").GetInt32()).ShouldBe((10, 7, -3));
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(7);
        var same = await CountAsync(client, new { locationCode = "NAPA-WH", bin = "B-01-1", sku, lot = "L-CNT", countedQuantity = 7 });
        same.GetProperty("variance").GetInt32().ShouldBe(0);
        var found = await CountAsync(client, new { locationCode = "NAPA-WH", bin = "A-01-1", sku, countedQuantity = 2 }); // a bin the system thought empty
        (found.GetProperty("expected").GetInt32(), found.GetProperty("variance").GetInt32(), found.GetProperty("lot").GetString()).ShouldBe((0, 2, ""));
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(9);

        // 6 reserved: counting 4 would leave reservations uncovered, so it is refused and nothing moves.
        var reserve = await client.PostAsJsonAsync("/api/v1/inventory/reservations", new
        {
            reservationKey = $"count-{sku}",
            channel = "Web",
            lines = new[] { new { sku, quantity = 9 } },
        }, Ct);
        reserve.StatusCode.ShouldBe(HttpStatusCode.Created, await reserve.Content.ReadAsStringAsync(Ct));
        var refused = await client.PostAsJsonAsync("/api/v1/inventory/counts", new { locationCode = "NAPA-WH", bin = "B-01-1", sku, lot = "L-CNT", countedQuantity = 4 }, Ct);
        var problem = await InventoryApi.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("rule").GetString().ShouldBe("CountBelowReserved");
        problem.GetProperty("detail").GetString()!.ShouldContain("7 are reserved");
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).ShouldBe((9, 9, 0));

        // The ledger still sums to on-hand: the receipt and the two count adjustments.
        var ledger = await InventoryApi.SendAsync(fixture.App, new VerifyStockLedgerQuery());
        ledger.Mismatches.Where(m => m.Sku == sku).ShouldBeEmpty();
        var bad = await client.PostAsJsonAsync("/api/v1/inventory/counts", new { locationCode = "NAPA-WH", sku, countedQuantity = -1 }, Ct);
        var errors = (await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.TryGetProperty("bin", out _).ShouldBeTrue();
        errors.TryGetProperty("countedQuantity", out _).ShouldBeTrue();
    }

    private static async Task<JsonElement> CountAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/inventory/counts", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}

public sealed class CatalogApiTestsOnSqlite(SqliteHostFixture fixture) : CatalogApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class CatalogApiTestsOnPostgres(PostgresHostFixture fixture) : CatalogApiTests(fixture), IClassFixture<PostgresHostFixture>;
