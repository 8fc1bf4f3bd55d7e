using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using OrderHub.Modules.Inventory.Contracts.Queries;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// Why an order ships from where it does (<c>GET /api/v1/orders/{id}/sourcing</c>), and what sourcing would do for a
/// cart before it is an order (<c>POST /api/v1/fulfillment/quote</c>): the same planner on the same reads, nothing held.
/// </summary>
public abstract class SourcingDecisionAndQuoteTests(HostFixture fixture)
{
    private static readonly string[] NapaOnly = ["NAPA-WH"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task The_sourcing_decision_names_the_chosen_location_and_why_each_other_one_lost()
    {
        fixture.RequireProvider();
        var sku = await WineAsync(("NAPA-WH", 6), ("RENO-WH", 6), ("TASTING-ROOM", 6));
        var order = await PlaceAsync(Infrastructure.Orders.ValidBody(email: "why-reno@example.com", sku: sku, quantity: 2, region: "NV", postalCode: "89501"));
        await SettleAsync();

        var response = await Client.GetAsync($"/api/v1/orders/{order}/sourcing", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var decision = JsonDocument.Parse(text).RootElement;

        decision.GetProperty("decidedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        decision.GetProperty("decidingRule").ValueKind.ShouldBe(JsonValueKind.Null);
        var shipment = decision.GetProperty("plan").EnumerateArray().ShouldHaveSingleItem();
        shipment.GetProperty("locationCode").GetString().ShouldBe("RENO-WH");
        var line = shipment.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32()).ShouldBe((sku, 2));
        var renoCost = Money(shipment.GetProperty("estimatedCost"));
        renoCost.Amount.ShouldBeGreaterThan(0m);
        renoCost.Currency.ShouldBe("USD");

        var considered = decision.GetProperty("considered").EnumerateArray().ToDictionary(c => c.GetProperty("locationCode").GetString()!);
        considered.Keys.Order(StringComparer.Ordinal).ShouldBe(["NAPA-WH", "RENO-WH", "TASTING-ROOM"]);
        considered["RENO-WH"].GetProperty("chosen").GetBoolean().ShouldBeTrue();
        considered["RENO-WH"].GetProperty("reason").GetString().ShouldBe("chosen");
        Money(considered["RENO-WH"].GetProperty("estimatedCost")).ShouldBe(renoCost);

        var napa = considered["NAPA-WH"];
        napa.GetProperty("chosen").GetBoolean().ShouldBeFalse();
        var napaCost = Money(napa.GetProperty("estimatedCost"));
        napaCost.Currency.ShouldBe("USD");
        napaCost.Amount.ShouldBeGreaterThan(renoCost.Amount);
        napa.GetProperty("reason").GetString().ShouldBe($"costs {(napaCost.Amount - renoCost.Amount).ToString("0.00", CultureInfo.InvariantCulture)} more");

        var room = considered["TASTING-ROOM"];
        room.GetProperty("chosen").GetBoolean().ShouldBeFalse();
        room.GetProperty("reason").GetString().ShouldBe("does not ship to consumers");
        room.GetProperty("estimatedCost").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_order_not_sourced_yet_or_unknown_has_no_sourcing_decision()
    {
        fixture.RequireProvider();
        var sku = await WineAsync(("NAPA-WH", 4));
        var order = await PlaceAsync(Infrastructure.Orders.ValidBody(email: "not-yet@example.com", sku: sku, quantity: 1)); // not settled: not sourced

        foreach (var id in new[] { order, Guid.NewGuid() })
        {
            var problem = await InventoryApi.ProblemAsync(await Client.GetAsync($"/api/v1/orders/{id}/sourcing", Ct), HttpStatusCode.NotFound);
            problem.GetProperty("status").GetInt32().ShouldBe(404);
            problem.GetProperty("detail").GetString()!.ShouldContain(id.ToString());
        }
    }

    [Fact]
    public async Task A_quote_ships_each_line_from_where_its_stock_is_costs_each_shipment_charges_the_checkout_rate_and_reserves_nothing()
    {
        fixture.RequireProvider();
        var napaOnly = await WineAsync(("NAPA-WH", 4));
        var renoOnly = await WineAsync(("RENO-WH", 4));
        var before = (Napa: await InventoryApi.AtAsync(Client, napaOnly, "NAPA-WH"), Reno: await InventoryApi.AtAsync(Client, renoOnly, "RENO-WH"));

        var quote = await QuoteAsync(Cart([(napaOnly, 1), (renoOnly, 2)], "OR", "97201", shippingService: "TwoDay"));

        var plan = quote.GetProperty("plan").EnumerateArray().ToDictionary(
            s => s.GetProperty("locationCode").GetString()!,
            s => s.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32())).ToList());
        plan.Keys.Order(StringComparer.Ordinal).ShouldBe(["NAPA-WH", "RENO-WH"]);
        plan["NAPA-WH"].ShouldBe([(napaOnly, 1)]);
        plan["RENO-WH"].ShouldBe([(renoOnly, 2)]);

        // What each shipment costs the merchant: carriage on its lane (1,400 g a bottle, wine) plus the warehouse's handling.
        var estimator = fixture.App.Services.GetRequiredService<IShippingCostEstimator>();
        var handling = LocationCosts.HandlingFor(LocationKind.Warehouse);
        var costs = quote.GetProperty("plan").EnumerateArray().ToDictionary(s => s.GetProperty("locationCode").GetString()!, s => Money(s.GetProperty("estimatedCost")));
        costs["NAPA-WH"].ShouldBe((estimator.Estimate(new Lane("94558", "97201", "OR"), new Parcel(1_400), containsAlcohol: true) + handling, "USD"));
        costs["RENO-WH"].ShouldBe((estimator.Estimate(new Lane("89502", "97201", "OR"), new Parcel(2_800), containsAlcohol: true) + handling, "USD"));

        // What the customer pays is the checkout charge, not the merchant's cost: three bottles fit one small box,
        // 15.00 for Ground, twice that for TwoDay (the default per-box rule), however many warehouses ship them.
        Money(quote.GetProperty("shippingCharge")).ShouldBe((30.00m, "USD"));

        var today = DateOnly.FromDateTime(fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        quote.GetProperty("estimatedDelivery").GetString().ShouldBe(DeliveryEstimate.Arrives(today, "TwoDay").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var ground = await QuoteAsync(Cart([(napaOnly, 1)], "OR", "97201"));
        ground.GetProperty("estimatedDelivery").GetString().ShouldBe(DeliveryEstimate.Arrives(today, "Ground").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        (await InventoryApi.AtAsync(Client, napaOnly, "NAPA-WH")).ShouldBe(before.Napa);
        (await InventoryApi.AtAsync(Client, renoOnly, "RENO-WH")).ShouldBe(before.Reno);
        (await Stock.ReservedAsync(Client, napaOnly)).ShouldBe(0);
        (await Stock.ReservedAsync(Client, renoOnly)).ShouldBe(0);
    }

    [Fact]
    public async Task A_quote_sees_general_stock_only_what_orders_hold_is_not_offered_again()
    {
        fixture.RequireProvider();
        var sku = await WineAsync(("NAPA-WH", 3), ("RENO-WH", 3));
        await PlaceAsync(Infrastructure.Orders.ValidBody(email: "holds-three@example.com", sku: sku, quantity: 3, region: "NV", postalCode: "89501"));
        await SettleAsync(); // held at Reno, the cheaper lane to Nevada

        var general = await InventoryApi.SendAsync(fixture.App, new GetSourcingStockQuery(null, [sku]));
        general.SelectMany(l => l.Stock).Sum(s => s.Available).ShouldBe(3);
        general.SelectMany(l => l.Stock).Sum(s => s.HeldForOrder).ShouldBe(0);

        var quote = await QuoteAsync(Cart([(sku, 2)], "NV", "89501"));
        var shipment = quote.GetProperty("plan").EnumerateArray().ShouldHaveSingleItem();
        shipment.GetProperty("locationCode").GetString().ShouldBe("NAPA-WH"); // Reno's three are the order's
    }

    [Fact]
    public async Task A_quote_with_bad_lines_or_no_address_is_400_naming_each_field()
    {
        fixture.RequireProvider();
        var bad = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", new
        {
            lines = new[] { new { sku = "CAB-2019-750", quantity = 0 }, new { sku = string.Empty, quantity = 10_001 } },
            shippingAddress = new { country = "US" },
            shippingService = "Pickup",
        }, Ct);
        var errors = (await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "lines[0].quantity", "lines[1].sku", "lines[1].quantity", "shippingAddress.region", "shippingAddress.postalCode", "shippingService" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} in {errors}");
        }

        var empty = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", new { lines = Array.Empty<object>() }, Ct);
        var emptyErrors = (await InventoryApi.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors");
        emptyErrors.TryGetProperty("lines", out _).ShouldBeTrue(emptyErrors.ToString());
        emptyErrors.TryGetProperty("shippingAddress", out _).ShouldBeTrue(emptyErrors.ToString());
    }

    [Fact]
    public async Task A_quote_naming_an_unknown_sku_is_refused_naming_it()
    {
        fixture.RequireProvider();
        var known = await WineAsync(("NAPA-WH", 2));
        var unknown = InventoryApi.NewSku("NOPE");

        var response = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", Cart([(known, 1), (unknown, 1)], "OR", "97201"), Ct);

        var problem = await InventoryApi.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("rule").GetString().ShouldBe("UnknownSku");
        problem.GetProperty("detail").GetString()!.ShouldContain(unknown);
        problem.GetProperty("detail").GetString()!.ShouldNotContain(known);
    }

    [Fact]
    public async Task A_cart_nothing_may_ship_is_refused_saying_why()
    {
        fixture.RequireProvider();
        var noStock = InventoryApi.NewSku("NONE");
        await InventoryApi.CreateProductAsync(Client, noStock);
        var nowhere = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", Cart([(noStock, 2)], "OR", "97201"), Ct);
        var problem = await InventoryApi.ProblemAsync(nowhere, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("rule").GetString().ShouldBe("NoShipFromLocation");
        problem.GetProperty("detail").GetString().ShouldBe($"No location may ship 2 x {noStock} (no location has stock of it)");

        (await Client.PutAsJsonAsync("/api/v1/compliance/permits/GA",
            new { held = true, permitNumber = "GA-9", locationCodes = NapaOnly, reason = "Napa only" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var renoOnly = await WineAsync(("RENO-WH", 5));
        var unlicensed = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", Cart([(renoOnly, 2)], "GA", "30301"), Ct);
        var refused = await InventoryApi.ProblemAsync(unlicensed, HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("rule").GetString().ShouldBe("NoShipFromLocation");
        refused.GetProperty("detail").GetString().ShouldBe($"No location may ship 2 x {renoOnly} (RENO-WH: not licensed for GA)");
    }

    private static object Cart((string Sku, int Quantity)[] lines, string region, string postalCode, string? shippingService = null) => new
    {
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
        shippingAddress = new { line1 = "1 Main St", city = "Springfield", region, postalCode, country = "US" },
        shippingService,
        channel = "Web",
    };

    private async Task<JsonElement> QuoteAsync(object cart)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", cart, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static (decimal Amount, string? Currency) Money(JsonElement money) =>
        (money.GetProperty("amount").GetDecimal(), money.GetProperty("currency").GetString());

    private Task<string> WineAsync(params (string Location, int Quantity)[] stock) => SourcingSetup.WineAsync(Client, "SDQ", stock);

    private Task<Guid> PlaceAsync(object body) => SourcingSetup.PlaceReadyAsync(Client, body, Ct);

    private Task SettleAsync() => SourcingSetup.SettleAsync(fixture.App);
}

public sealed class SourcingDecisionAndQuoteTestsOnSqlite(SqliteHostFixture fixture) : SourcingDecisionAndQuoteTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class SourcingDecisionAndQuoteTestsOnPostgres(PostgresHostFixture fixture) : SourcingDecisionAndQuoteTests(fixture), IClassFixture<PostgresHostFixture>;
