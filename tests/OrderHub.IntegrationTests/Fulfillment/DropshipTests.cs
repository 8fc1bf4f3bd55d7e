using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Fulfillment.Dropship;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// Lines only a supplier can serve are dropshipped: sourcing gives them to the supplier location, a purchase order goes
/// to the supplier (the built-in inbox acknowledges it) with a PDF, and the supplier's shipment report (checked tracking
/// number) ships the fulfillment and the order's lines.
/// </summary>
public abstract class DropshipTests(HostFixture fixture)
{
    private const string UpsTracking = "1Z4A7Y96A800123453"; // carriers.md §1, verified

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task A_line_only_a_supplier_holds_is_bought_from_it_and_ships_when_the_supplier_reports_its_tracking_number()
    {
        fixture.RequireProvider();
        var supplier = await CreateSupplierAsync();
        await LicenseForGeorgiaAsync(supplier);
        var sku = await SourcingSetup.WineAsync(Client, "DS", (supplier, 6));
        var order = await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: $"ds-{supplier}@example.com", sku: sku, quantity: 2, region: "GA", postalCode: "30301"), Ct);

        await SettleAsync();

        var fulfillment = (await FulfillmentsAsync(order)).EnumerateArray().ShouldHaveSingleItem();
        (fulfillment.GetProperty("locationCode").GetString(), fulfillment.GetProperty("type").GetString(), fulfillment.GetProperty("status").GetString())
            .ShouldBe((supplier, "Dropship", "Open"));
        var purchaseOrder = fulfillment.GetProperty("purchaseOrderId").GetGuid();
        var inbox = fixture.App.Services.GetRequiredService<BuiltInSupplierInbox>().Received.Values.Single(p => p.Id == purchaseOrder);
        (inbox.SupplierCode, inbox.Lines.Single().Sku, inbox.Lines.Single().Quantity, inbox.ShipTo.Region).ShouldBe((supplier, sku, 2, "GA"));
        inbox.Number.ShouldStartWith("DS-");

        var pdf = await Client.GetAsync($"/api/v1/purchase-orders/{purchaseOrder}/document.pdf", Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]).ShouldBe("%PDF");

        var key = Guid.NewGuid().ToString();
        var shipped = await ReportShippedAsync(purchaseOrder, new { carrier = "UPS", trackingNumber = UpsTracking }, key);
        var body = await shipped.Content.ReadAsStringAsync(Ct);
        shipped.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var po = JsonDocument.Parse(body).RootElement;
        (po.GetProperty("status").GetString(), po.GetProperty("carrier").GetString(), po.GetProperty("trackingNumber").GetString(), po.GetProperty("supplierCode").GetString())
            .ShouldBe(("Shipped", "UPS", UpsTracking, supplier));
        (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Shipped");

        await SettleAsync();

        var after = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("status").GetString().ShouldBe("Shipped");
        var entry = after.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "ShippedBySupplier");
        entry.GetProperty("detail").GetString()!.ShouldContain($"UPS {UpsTracking}");
        entry.GetProperty("detail").GetString()!.ShouldContain(supplier);

        var replay = await ReportShippedAsync(purchaseOrder, new { carrier = "UPS", trackingNumber = UpsTracking }, key);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        var replayed = JsonDocument.Parse(await replay.Content.ReadAsStringAsync(Ct)).RootElement;
        (replayed.GetProperty("id").GetGuid(), replayed.GetProperty("status").GetString(), replayed.GetProperty("trackingNumber").GetString(), replayed.GetProperty("shippedAt").GetDateTimeOffset())
            .ShouldBe((purchaseOrder, "Shipped", UpsTracking, po.GetProperty("shippedAt").GetDateTimeOffset()));
        var again = await ReportShippedAsync(purchaseOrder, new { carrier = "ups", trackingNumber = "1Z4A 7Y96 A800 1234 53" }, Guid.NewGuid().ToString());
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct)); // the same shipment reported twice
        var other = await ReportShippedAsync(purchaseOrder, new { carrier = "UPS", trackingNumber = "1Z5R89390357567127" }, Guid.NewGuid().ToString());
        (await InventoryApi.ProblemAsync(other, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain(UpsTracking);
        await SettleAsync();
        (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray()
            .Count(t => t.GetProperty("event").GetString() == "ShippedBySupplier").ShouldBe(1);
    }

    [Fact]
    public async Task A_mixed_order_is_partially_shipped_when_its_supplier_part_ships_first()
    {
        fixture.RequireProvider();
        var supplier = await CreateSupplierAsync();
        await LicenseForGeorgiaAsync(supplier);
        var own = await SourcingSetup.WineAsync(Client, "DSW", ("NAPA-WH", 4));
        var bought = await SourcingSetup.WineAsync(Client, "DSS", (supplier, 4));
        var body = WithLines(Infrastructure.Orders.ValidBody(email: $"mixed-{supplier}@example.com", sku: own, region: "GA", postalCode: "30301"), (own, 1), (bought, 2));
        var order = await SourcingSetup.PlaceReadyAsync(Client, body, Ct);
        await SettleAsync();

        var fulfillments = (await FulfillmentsAsync(order)).EnumerateArray().ToDictionary(f => f.GetProperty("type").GetString()!);
        fulfillments["Warehouse"].GetProperty("locationCode").GetString().ShouldBe("NAPA-WH");
        var purchaseOrder = fulfillments["Dropship"].GetProperty("purchaseOrderId").GetGuid();

        var shipped = await ReportShippedAsync(purchaseOrder, new { carrier = "FedEx", trackingNumber = "612345678902", shippedAt = DateTimeOffset.UtcNow.AddHours(-2) }, Guid.NewGuid().ToString());
        shipped.StatusCode.ShouldBe(HttpStatusCode.OK, await shipped.Content.ReadAsStringAsync(Ct));
        await SettleAsync();

        var after = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("status").GetString().ShouldBe("PartiallyShipped");
        var fulfilled = (await FulfillmentsAsync(order)).EnumerateArray().ToDictionary(f => f.GetProperty("type").GetString()!, f => f.GetProperty("status").GetString());
        fulfilled.ShouldBe(new Dictionary<string, string?> { ["Warehouse"] = "Open", ["Dropship"] = "Shipped" });
    }

    [Fact]
    public async Task A_bad_tracking_number_is_422_naming_it_an_unknown_purchase_order_404_and_the_key_is_required()
    {
        fixture.RequireProvider();
        var supplier = await CreateSupplierAsync();
        await LicenseForGeorgiaAsync(supplier);
        var sku = await SourcingSetup.WineAsync(Client, "DSB", (supplier, 3));
        var order = await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: $"bad-{supplier}@example.com", sku: sku, quantity: 1, region: "GA", postalCode: "30301"), Ct);
        await SettleAsync();
        var purchaseOrder = (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("purchaseOrderId").GetGuid();

        var typo = await ReportShippedAsync(purchaseOrder, new { carrier = "UPS", trackingNumber = "1Z4A7Y96A800123454" }, Guid.NewGuid().ToString());
        var problem = await InventoryApi.ProblemAsync(typo, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("rule").GetString().ShouldBe("TrackingNumberMustBeValid");
        problem.GetProperty("detail").GetString()!.ShouldContain("1Z4A7Y96A800123454");
        (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Open");

        var unknown = await ReportShippedAsync(Guid.NewGuid(), new { carrier = "UPS", trackingNumber = UpsTracking }, Guid.NewGuid().ToString());
        await InventoryApi.ProblemAsync(unknown, HttpStatusCode.NotFound);
        (await Client.GetAsync($"/api/v1/purchase-orders/{Guid.NewGuid()}/document.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Inventory's replenishment purchase orders and Fulfillment's dropship ones share the path, not their ids.
        (await Client.GetAsync($"/api/v1/purchase-orders/{purchaseOrder}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var replenishment = await Client.PostAsJsonAsync("/api/v1/purchase-orders",
            new { destinationLocationCode = "NAPA-WH", lines = new[] { new { sku, quantity = 6, expectedAt = DateTimeOffset.UtcNow.AddDays(14) } } }, Ct);
        replenishment.StatusCode.ShouldBe(HttpStatusCode.Created, await replenishment.Content.ReadAsStringAsync(Ct));
        var replenishmentId = (await replenishment.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await Client.GetAsync($"/api/v1/purchase-orders/{replenishmentId}/document.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var onReplenishment = await ReportShippedAsync(replenishmentId, new { carrier = "UPS", trackingNumber = UpsTracking }, Guid.NewGuid().ToString());
        onReplenishment.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noCarrier = await ReportShippedAsync(purchaseOrder, new { trackingNumber = UpsTracking }, Guid.NewGuid().ToString());
        noCarrier.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var future = await ReportShippedAsync(purchaseOrder, new { carrier = "UPS", trackingNumber = UpsTracking, shippedAt = DateTimeOffset.UtcNow.AddDays(2) }, Guid.NewGuid().ToString());
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var noKey = await Client.PostAsJsonAsync($"/api/v1/purchase-orders/{purchaseOrder}/shipments", new { carrier = "UPS", trackingNumber = UpsTracking }, Ct);
        noKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<string> CreateSupplierAsync()
    {
        var code = "SUP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var response = await Client.PostAsJsonAsync("/api/v1/locations", new
        {
            code,
            name = "Sonoma Bottling Co-op",
            type = "Supplier",
            shipsToConsumers = true,
            address = new { line1 = "88 Gravenstein Hwy N", city = "Sebastopol", region = "CA", postalCode = "95472", country = "US" },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return code;
    }

    /// <summary>Georgia requires a permit: the winery's lists the supplier (and Napa), so the supplier may ship there.</summary>
    private async Task LicenseForGeorgiaAsync(string supplier)
    {
        var permit = await Client.PutAsJsonAsync("/api/v1/compliance/permits/GA",
            new { held = true, permitNumber = "GA-DS-1", locationCodes = new[] { "NAPA-WH", supplier }, reason = "Dropship supplier added" }, Ct);
        permit.StatusCode.ShouldBe(HttpStatusCode.OK, await permit.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpResponseMessage> ReportShippedAsync(Guid purchaseOrder, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/purchase-orders/{purchaseOrder}/shipments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await Client.SendAsync(request, Ct);
    }

    /// <summary>The ready event, sourcing, the purchase order step, then Orders hearing of each.</summary>
    private async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 5; sweep++)
        {
            await fixture.App.DispatchOutboxAsync();
        }
    }

    private Task<JsonElement> FulfillmentsAsync(Guid order) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct);

    private static JsonElement WithLines(object body, params (string Sku, int Quantity)[] lines)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(body))!;
        node["lines"] = new System.Text.Json.Nodes.JsonArray([.. lines.Select(l => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity })]);
        return JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
    }
}

public sealed class DropshipTestsOnSqlite(SqliteHostFixture fixture) : DropshipTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class DropshipTestsOnPostgres(PostgresHostFixture fixture) : DropshipTests(fixture), IClassFixture<PostgresHostFixture>;
