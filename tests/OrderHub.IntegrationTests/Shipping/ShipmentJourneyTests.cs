using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Inventory.Persistence;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.TrackingNumbers;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// The second half of an order's journey through the API alone: picked, packed, a label bought by the outbox with a
/// real-format tracking number, signed carrier scans; the sale completes when it leaves (stock committed, payment
/// captured to the cent, once) and the order is Delivered when the carrier says so.
/// </summary>
public abstract class ShipmentJourneyTests(HostFixture fixture)
{
    private const string Napa = "NAPA-WH";

    private readonly DateTimeOffset _packedAt = DateTimeOffset.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task An_order_placed_through_rest_is_labelled_shipped_and_delivered_and_its_sale_completes_once()
    {
        fixture.RequireProvider();
        var sku = await SourcingSetup.WineAsync(Client, "SHIP", (Napa, 10));
        var order = await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: "ship-journey@example.com", sku: sku, quantity: 2, region: "CA", postalCode: "94558"), Ct);
        await SettleAsync();
        var shipment = await PackAsync(order);

        shipment.GetProperty("status").GetString().ShouldBe("LabelCreated");
        var carrier = shipment.GetProperty("carrier").GetString()!;
        carrier.ShouldNotBe("USPS"); // wine never goes by mail
        shipment.GetProperty("adultSignatureRequired").GetBoolean().ShouldBeTrue();
        var tracking = shipment.GetProperty("trackingNumber").GetString()!;
        TrackingNumberFormat.IsValid(Enum.Parse<Carrier>(carrier), tracking).ShouldBeTrue(tracking);
        shipment.GetProperty("trackingUrl").GetString()!.ShouldContain(TrackingNumberFormat.DisplayForm(Enum.Parse<Carrier>(carrier), tracking));
        shipment.GetProperty("rate").GetProperty("amount").GetDecimal().ShouldBeGreaterThan(0m);
        shipment.GetProperty("estimatedDelivery").GetString().ShouldNotBeNull();
        var id = shipment.GetProperty("id").GetGuid();
        var zpl = await Client.GetStringAsync($"/api/v1/shipments/{id}/label.zpl", Ct);
        zpl.ShouldStartWith("^XA");
        zpl.ShouldContain(tracking);
        zpl.ShouldContain("ADULT SIGNATURE REQUIRED");
        var pdf = await Client.GetAsync($"/api/v1/shipments/{id}/label.pdf", Ct);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var onOrder = (await OrderAsync(order)).GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem();
        (onOrder.GetProperty("id").GetGuid(), onOrder.GetProperty("trackingNumber").GetString(), onOrder.GetProperty("status").GetString()).ShouldBe((id, tracking, "LabelCreated"));
        (await InventoryApi.AtAsync(Client, sku, Napa)).ShouldBe((10, 2, 8)); // packed is not gone: nothing committed yet

        (await ScanAsync(carrier, tracking, "InTransit", 0)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await ScanAsync(carrier, tracking, "InTransit", 0)).StatusCode.ShouldBe(HttpStatusCode.Accepted); // the carrier resends
        await SettleAsync();

        var shipped = await OrderAsync(order);
        shipped.GetProperty("status").GetString().ShouldBe("Shipped");
        var captures = shipped.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("type").GetString() == "Capture").ToList();
        captures.ShouldHaveSingleItem().GetProperty("amount").GetDecimal().ShouldBe(shipped.GetProperty("totals").GetProperty("total").GetDecimal());
        (await InventoryApi.AtAsync(Client, sku, Napa)).ShouldBe((8, 0, 8)); // committed: on-hand and reserved both dropped
        (await CommitsAsync(sku)).ShouldBe(-2);
        var fulfillment = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single();
        (fulfillment.GetProperty("status").GetString(), fulfillment.GetProperty("shipmentId").GetGuid()).ShouldBe(("Shipped", id));

        (await ScanAsync(carrier, tracking, "Delivered", 26, "Signed by D. Reyes, 21+ ID checked")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await ScanAsync(carrier, tracking, "OutForDelivery", 20)).StatusCode.ShouldBe(HttpStatusCode.Accepted); // late: changes nothing
        await SettleAsync();

        var delivered = await OrderAsync(order);
        delivered.GetProperty("status").GetString().ShouldBe("Delivered");
        delivered.GetProperty("payments").EnumerateArray().Count(p => p.GetProperty("type").GetString() == "Capture").ShouldBe(1);
        var events = delivered.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        events.ShouldContain("LabelCreated");
        events.IndexOf("Shipped").ShouldBeGreaterThan(events.IndexOf("LabelCreated"));
        events[^1].ShouldBe("Delivered");
        var final = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{id}", Ct);
        final.GetProperty("status").GetString().ShouldBe("Delivered");
        final.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ShouldBe(["InTransit", "OutForDelivery", "Delivered"]);
        (await CommitsAsync(sku)).ShouldBe(-2);
    }

    [Fact]
    public async Task A_tracking_event_without_the_right_signature_is_refused_and_changes_nothing()
    {
        fixture.RequireProvider();
        var body = JsonSerializer.Serialize(new { carrier = "UPS", trackingNumber = "1Z4A7Y96A800123453", status = "Delivered", at = DateTimeOffset.UtcNow });

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/v1/shipping/tracking-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        (await fixture.App.Server.CreateClient().SendAsync(unsigned, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var forged = Signed(body, "not-the-secret-at-all");
        (await fixture.App.Server.CreateClient().SendAsync(forged, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var unknown = Signed(body, OrderHubApp.TrackingWebhookSecret);
        var response = await fixture.App.Server.CreateClient().SendAsync(unknown, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("1Z4A7Y96A800123453");

        using var bad = Signed(JsonSerializer.Serialize(new { carrier = "Pony Express", trackingNumber = "", status = "Lost" }), OrderHubApp.TrackingWebhookSecret);
        var problem = await fixture.App.Server.CreateClient().SendAsync(bad, Ct);
        problem.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await problem.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["carrier", "trackingNumber", "status", "at"], ignoreOrder: true);
    }

    /// <summary>Picks and packs the order's one fulfillment, lets the outbox buy the label; the shipment as the API shows it.</summary>
    private async Task<JsonElement> PackAsync(Guid order)
    {
        var fulfillment = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single().GetProperty("id").GetGuid();
        var list = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa, maxOrders = 500 });
        list.StatusCode.ShouldBe(HttpStatusCode.Created, await list.Content.ReadAsStringAsync(Ct));
        var listId = (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SettleAsync();
        (await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        var packed = await PostAsync($"/api/v1/fulfillments/{fulfillment}/pack", new { });
        packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
        await SettleAsync();
        var shipmentId = (await OrderAsync(order)).GetProperty("shipments").EnumerateArray().Single().GetProperty("id").GetGuid();
        return await Client.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{shipmentId}", Ct);
    }

    private Task<HttpResponseMessage> ScanAsync(string carrier, string trackingNumber, string status, int hoursAfterPacking, string? description = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            carrier,
            trackingNumber,
            status,
            at = _packedAt.AddHours(hoursAfterPacking),
            description,
            location = "Napa, CA",
        });
        return fixture.App.Server.CreateClient().SendAsync(Signed(body, OrderHubApp.TrackingWebhookSecret), Ct);
    }

    private static HttpRequestMessage Signed(string body, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/shipping/tracking-events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-OrderHub-Signature", $"sha256={signature}");
        return request;
    }

    private Task<JsonElement> OrderAsync(Guid order) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);

    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await Client.SendAsync(request, Ct);
    }

    /// <summary>The ledger's commits of a SKU: what left with carriers.</summary>
    private Task<int> CommitsAsync(string sku) => fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().StockMovements
        .Where(m => m.Sku == sku && m.Type == Modules.Inventory.Domain.Stock.StockMovementType.Commit).SumAsync(m => m.Quantity, Ct));

    private async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await fixture.App.DispatchOutboxAsync();
        }
    }
}

public sealed class ShipmentJourneyTestsOnSqlite(SqliteHostFixture fixture) : ShipmentJourneyTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ShipmentJourneyTestsOnPostgres(PostgresHostFixture fixture) : ShipmentJourneyTests(fixture), IClassFixture<PostgresHostFixture>;
