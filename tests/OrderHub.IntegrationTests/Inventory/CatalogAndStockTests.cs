using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Features.VerifyStockLedger;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>Catalog and stock through HTTP: creates, receipts, adjustments, transfers, the ledger, and bad input.</summary>
public abstract class CatalogAndStockTests(HostFixture fixture)
{
    private static readonly int[] NonPositive = [0, -5];

    private static readonly string[] SonomaBins = ["S-01-1", "S-01-2"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_wine_is_201_and_readable_with_its_attributes()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("ZIN");
        var response = await client.PostAsJsonAsync("/api/v1/products", new
        {
            sku,
            name = "Dry Creek Zinfandel 2021",
            price = 36.00m,
            currency = "USD",
            weightGrams = 1400,
            isAlcohol = true,
            varietal = "Zinfandel",
            vintage = 2021,
            volumeMl = 750,
            unitsPerCase = 12,
            appellation = "Dry Creek Valley",
            abv = 14.8m,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/products/{sku}");
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{sku}", Ct);
        product.GetProperty("varietal").GetString().ShouldBe("Zinfandel");
        product.GetProperty("vintage").GetInt32().ShouldBe(2021);
        product.GetProperty("volumeMl").GetInt32().ShouldBe(750);
        product.GetProperty("abv").GetDecimal().ShouldBe(14.8m);
        product.GetProperty("price").GetDecimal().ShouldBe(36.00m);
    }

    [Fact]
    public async Task A_duplicate_sku_is_409_and_bad_fields_are_400_by_json_path()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        var duplicate = await client.PostAsJsonAsync("/api/v1/products", new { sku, name = "Again", price = 1m, currency = "USD", weightGrams = 1, isAlcohol = false }, Ct);
        (await InventoryApi.ProblemAsync(duplicate, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain(sku);

        var bad = await client.PostAsJsonAsync("/api/v1/products", new { sku = "", name = "X", price = -1m, currency = "dollars", weightGrams = 1, isAlcohol = true, vintage = 12 }, Ct);
        var errors = (await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldBe(["sku", "price", "currency", "vintage"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_and_another_body_is_409()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Receive(int quantity)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/receipts")
            {
                Content = JsonContent.Create(new { locationCode = "NAPA-WH", sku, quantity, lot = "L1" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, Ct);
        }

        var first = await Receive(10);
        var second = await Receive(10);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(10);

        await InventoryApi.ProblemAsync(await Receive(11), HttpStatusCode.Conflict);
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(10);
    }

    [Fact]
    public async Task A_location_is_201_and_takes_receipts_into_its_bins()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var code = InventoryApi.NewSku("LOC")[..20];
        var response = await client.PostAsJsonAsync("/api/v1/locations", new
        {
            code,
            name = "Sonoma 3PL",
            type = "ThirdParty",
            address = new { line1 = "1 Depot Rd", city = "Santa Rosa", region = "CA", postalCode = "95401", country = "US" },
            bins = SonomaBins,
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var location = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        location.GetProperty("type").GetString().ShouldBe("ThirdParty");
        location.GetProperty("shipsToConsumers").GetBoolean().ShouldBeTrue();
        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString(), Ct);
        fetched.GetProperty("bins").EnumerateArray().Select(b => b.GetString()).ShouldBe(SonomaBins);

        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 7, code, lot: "L9", bin: "S-01-2");
        (await InventoryApi.AtAsync(client, sku, code)).ShouldBe((7, 0, 7));

        var badBin = await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { locationCode = code, sku, quantity = 1, bin = "NOPE" }, Ct);
        (await InventoryApi.ProblemAsync(badBin, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("NOPE");

        var badType = await client.PostAsJsonAsync("/api/v1/locations", new { code = "X1", name = "X", type = "Garage", address = new { line1 = "1", city = "c", region = "CA", postalCode = "1", country = "USA" } }, Ct);
        var errors = (await InventoryApi.ProblemAsync(badType, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldBe(["type", "address.country"], ignoreOrder: true);
    }

    [Fact]
    public async Task Receipts_refuse_unknown_sku_or_location_and_non_positive_or_fractional_quantities()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var unknownSku = await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { locationCode = "NAPA-WH", sku = "NO-SUCH-SKU", quantity = 1 }, Ct);
        (await InventoryApi.ProblemAsync(unknownSku, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("NO-SUCH-SKU");

        var unknownLocation = await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { locationCode = "MOON-BASE", sku = "CAB-2019-750", quantity = 1 }, Ct);
        (await InventoryApi.ProblemAsync(unknownLocation, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("MOON-BASE");

        foreach (var quantity in NonPositive)
        {
            var bad = await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { locationCode = "NAPA-WH", sku = "CAB-2019-750", quantity }, Ct);
            (await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("quantity", out _).ShouldBeTrue();
        }

        var fractional = await client.PostAsync("/api/v1/inventory/receipts",
            new StringContent("{\"locationCode\":\"NAPA-WH\",\"sku\":\"CAB-2019-750\",\"quantity\":1.5}", Encoding.UTF8, "application/json"), Ct);
        (await InventoryApi.ProblemAsync(fractional, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("quantity");
    }

    [Fact]
    public async Task Adjustments_carry_a_reason_and_never_remove_reserved_or_missing_units()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 12, lot: "L1");

        var broke = await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationCode = "NAPA-WH", sku, quantity = -2, reason = "Breakage" }, Ct);
        broke.StatusCode.ShouldBe(HttpStatusCode.Created, await broke.Content.ReadAsStringAsync(Ct));
        (await broke.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("onHand").GetInt32().ShouldBe(10);

        var tooMuch = await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationCode = "NAPA-WH", sku, quantity = -11, reason = "CycleCount" }, Ct);
        (await InventoryApi.ProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("AdjustmentWithinAvailableStock");

        var noReason = await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationCode = "NAPA-WH", sku, quantity = -1, reason = "Gremlins" }, Ct);
        (await InventoryApi.ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(10);
    }

    [Fact]
    public async Task A_transfer_is_in_transit_until_received_and_more_than_available_is_422_with_nothing_moved()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 5, lot: "L2023-01", bin: "A-01-1");
        await InventoryApi.ReceiveAsync(client, sku, 5, lot: "L2024-01", bin: "A-01-2");

        var tooMany = await client.PostAsJsonAsync("/api/v1/inventory/transfers", new { fromLocationCode = "NAPA-WH", toLocationCode = "RENO-WH", sku, quantity = 11 }, Ct);
        (await InventoryApi.ProblemAsync(tooMany, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("TransferWithinAvailableStock");
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(10);

        var shipped = await client.PostAsJsonAsync("/api/v1/inventory/transfers", new { fromLocationCode = "NAPA-WH", toLocationCode = "RENO-WH", sku, quantity = 7 }, Ct);
        shipped.StatusCode.ShouldBe(HttpStatusCode.Created, await shipped.Content.ReadAsStringAsync(Ct));
        var transfer = await shipped.Content.ReadFromJsonAsync<JsonElement>(Ct);
        transfer.GetProperty("status").GetString().ShouldBe("InTransit");
        transfer.GetProperty("lines")[0].GetProperty("lot").GetString().ShouldBe("L2023-01"); // FIFO by lot
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(3);
        (await InventoryApi.AtAsync(client, sku, "RENO-WH")).OnHand.ShouldBe(0);

        var id = transfer.GetProperty("id").GetGuid();
        (await client.GetFromJsonAsync<JsonElement>(shipped.Headers.Location!.ToString(), Ct)).GetProperty("quantity").GetInt32().ShouldBe(7);
        var received = await client.PostAsJsonAsync($"/api/v1/inventory/transfers/{id}/receive", new { bin = "R-02-1" }, Ct);
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync(Ct));
        (await InventoryApi.AtAsync(client, sku, "RENO-WH")).OnHand.ShouldBe(7);

        var again = await client.PostAsJsonAsync($"/api/v1/inventory/transfers/{id}/receive", new { bin = "R-02-1" }, Ct);
        await InventoryApi.ProblemAsync(again, HttpStatusCode.Conflict);
        (await InventoryApi.AtAsync(client, sku, "RENO-WH")).OnHand.ShouldBe(7);
    }

    [Fact]
    public async Task On_hand_rebuilt_from_the_movement_ledger_equals_the_stored_on_hand()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 30, lot: "A");
        (await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationCode = "NAPA-WH", sku, quantity = -3, reason = "Sample" }, Ct)).EnsureSuccessStatusCode();
        var shipped = await client.PostAsJsonAsync("/api/v1/inventory/transfers", new { fromLocationCode = "NAPA-WH", toLocationCode = "RENO-WH", sku, quantity = 4 }, Ct);
        var id = (await shipped.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/v1/inventory/transfers/{id}/receive", null, Ct)).EnsureSuccessStatusCode();
        var key = Guid.NewGuid().ToString();
        (await client.PostAsJsonAsync("/api/v1/inventory/reservations", new { reservationKey = key, channel = "Web", lines = new[] { new { sku, quantity = 5 } } }, Ct)).EnsureSuccessStatusCode();
        (await InventoryApi.SendAsync(fixture.App, new OrderHub.Modules.Inventory.Contracts.Commands.CommitStockCommand(key))).ShouldBeTrue();

        var report = await InventoryApi.SendAsync(fixture.App, new VerifyStockLedgerQuery());
        report.Mismatches.ShouldBeEmpty();
        report.Movements.ShouldBeGreaterThan(0);
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(30 - 3 - 4 - 5);
    }

    [Fact]
    public async Task Writes_need_their_scope()
    {
        fixture.RequireProvider();
        var key = await ApiClients.CreateAsync(fixture.App, "catalog:read", "inventory:read");
        var client = fixture.App.CreateApiClient(key);
        (await client.PostAsJsonAsync("/api/v1/products", new { sku = "X" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku = "X" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class CatalogAndStockTestsOnSqlite(SqliteHostFixture fixture) : CatalogAndStockTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class CatalogAndStockTestsOnPostgres(PostgresHostFixture fixture) : CatalogAndStockTests(fixture), IClassFixture<PostgresHostFixture>;
