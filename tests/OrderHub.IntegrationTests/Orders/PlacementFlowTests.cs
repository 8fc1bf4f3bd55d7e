using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Orders.Contracts.IntegrationEvents;
using OrderHub.Modules.Orders.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>The seed workflow through HTTP: reserve → compliance → authorize → ready, with holds, refusals and compensation.</summary>
public abstract class PlacementFlowTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_adult_ordering_wine_to_a_dtc_state_is_reserved_approved_authorized_and_ready_to_fulfill()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var reservedBefore = await Stock.ReservedAsync(client, "CHD-2022-750");

        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "ready@example.com", sku: "CHD-2022-750", quantity: 3));

        order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        order.GetProperty("adultSignatureRequired").GetBoolean().ShouldBeTrue();
        var totals = order.GetProperty("totals");
        totals.GetProperty("subtotal").GetDecimal().ShouldBe(3 * 38m);
        totals.GetProperty("shipping").GetDecimal().ShouldBe(15m);
        var total = totals.GetProperty("total").GetDecimal();
        total.ShouldBe(totals.GetProperty("subtotal").GetDecimal() + totals.GetProperty("shipping").GetDecimal() + totals.GetProperty("tax").GetDecimal());
        var payment = order.GetProperty("payments").EnumerateArray().ShouldHaveSingleItem();
        payment.GetProperty("type").GetString().ShouldBe("Authorization");
        payment.GetProperty("status").GetString().ShouldBe("Succeeded");
        payment.GetProperty("amount").GetDecimal().ShouldBe(total);
        Events(order).ShouldBe(["Received", "StockReserved", "ComplianceApproved", "PaymentAuthorized", "ReadyToFulfill"]);
        (await Stock.ReservedAsync(client, "CHD-2022-750")).ShouldBe(reservedBefore + 3);

        // Fulfillment hears of it once, with what it needs to source the order.
        var ready = (await ReadyAnnouncementsAsync(order.GetProperty("id").GetGuid())).ShouldHaveSingleItem();
        ready.OrderNumber.ShouldBe(order.GetProperty("number").GetString());
        ready.ShipTo.Region.ShouldBe("OR");
        ready.AdultSignatureRequired.ShouldBeTrue();
        ready.Lines.ShouldBe([new ReadyLine(1, "CHD-2022-750", 3)]);
    }

    [Fact]
    public async Task A_declined_card_keeps_the_order_on_a_payment_hold_naming_the_decline()
    {
        fixture.RequireProvider();
        var order = await PlaceAsync(fixture.App.CreateApiClient(), Infrastructure.Orders.ValidBody(email: "declined@example.com", token: "tok_chargeDeclined"));

        order.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = order.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Payment");
        hold.GetProperty("reason").GetString()!.ShouldContain("card_declined");
    }

    [Fact]
    public async Task Too_little_stock_is_an_inventory_hold_and_receiving_stock_then_releasing_it_completes_placement()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "short@example.com", sku: "PN-2021-1500", quantity: 30));

        order.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = order.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Inventory");
        hold.GetProperty("reason").GetString()!.ShouldContain("PN-2021-1500");
        order.GetProperty("payments").GetArrayLength().ShouldBe(0);

        using (var receipt = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/receipts")
        {
            Content = JsonContent.Create(new { locationCode = "RENO-WH", sku = "PN-2021-1500", quantity = 12, lot = "L2022-021", bin = "R-02-1" }),
        })
        {
            receipt.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await client.SendAsync(receipt, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var id = order.GetProperty("id").GetGuid();
        var released = await client.PostAsJsonAsync($"/api/v1/orders/{id}/holds/Inventory/release", new { reason = "Magnums received" }, Ct);
        released.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await released.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
    }

    [Fact]
    public async Task A_destination_that_forbids_dtc_is_refused_with_the_rule_and_its_stock_goes_back()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var reservedBefore = await Stock.ReservedAsync(client, "SB-2023-750");

        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "utah@example.com", sku: "SB-2023-750", region: "UT", postalCode: "84101"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("rule").GetString().ShouldBe("DtcNotAllowed");
        var id = problem.GetProperty("orderId").GetGuid();
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        order.GetProperty("status").GetString().ShouldBe("Cancelled");

        await fixture.App.DispatchOutboxAsync();
        (await Stock.ReservedAsync(client, "SB-2023-750")).ShouldBe(reservedBefore);
    }

    [Fact]
    public async Task An_under_21_purchaser_is_refused_and_a_missing_birth_date_is_held()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var twentyYearsOld = DateTime.UtcNow.AddYears(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var young = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "young@example.com", dateOfBirth: twentyYearsOld));
        young.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await young.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("UnderAge");

        var unknownAge = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "noage@example.com", dateOfBirth: null));
        unknownAge.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = unknownAge.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Compliance");
        hold.GetProperty("rule").GetString().ShouldBe("AgeUnverified");
    }

    [Fact]
    public async Task A_tasting_room_carry_out_needs_no_shipping_law_and_no_shipping_charge_and_completes_at_the_counter()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = Inventory.InventoryApi.NewSku("POS");
        await Inventory.InventoryApi.CreateProductAsync(client, sku);
        await Inventory.InventoryApi.ReceiveAsync(client, sku, 10);

        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(
            email: "visitor@example.com", sku: sku, quantity: 2, region: "UT", postalCode: "84101", shippingService: "Pickup", channel: "Pos"));

        order.GetProperty("status").GetString().ShouldBe("Delivered");
        order.GetProperty("totals").GetProperty("shipping").GetDecimal().ShouldBe(0m);
        Events(order).ShouldBe(["Received", "StockReserved", "ComplianceApproved", "PaymentAuthorized", "ReadyToFulfill", "HandedOver"]);
        (await ReadyAnnouncementsAsync(order.GetProperty("id").GetGuid())).ShouldBeEmpty(); // nothing to pick or ship
        await fixture.App.DispatchOutboxAsync();

        var stock = await Inventory.InventoryApi.AvailabilityAsync(client, sku);
        stock.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("onHand").GetInt32()).ShouldBe(8);
        stock.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("reserved").GetInt32()).ShouldBe(0);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order.GetProperty("id").GetGuid()}", Ct);
        var capture = after.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "Capture");
        capture.GetProperty("status").GetString().ShouldBe("Succeeded");
        capture.GetProperty("amount").GetDecimal().ShouldBe(after.GetProperty("totals").GetProperty("total").GetDecimal());

        await fixture.App.DispatchOutboxAsync(); // a second delivery round changes nothing
        (await Inventory.InventoryApi.AvailabilityAsync(client, sku)).GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("onHand").GetInt32()).ShouldBe(8);
    }

    [Fact]
    public async Task An_unknown_sku_is_422_naming_it()
    {
        fixture.RequireProvider();
        var response = await OrderHubApp.PlaceOrderAsync(fixture.App.CreateApiClient(), Infrastructure.Orders.ValidBody(sku: "NO-SUCH-WINE"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("NO-SUCH-WINE");
    }

    [Fact]
    public async Task Cancelling_a_ready_order_releases_its_stock_and_voids_its_authorization()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var reservedBefore = await Stock.ReservedAsync(client, "CAB-2020-750");
        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "cancelready@example.com", sku: "CAB-2020-750", quantity: 4));
        order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        var id = order.GetProperty("id").GetGuid();

        (await client.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "Customer request" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await fixture.App.DispatchOutboxAsync();
        await fixture.App.DispatchOutboxAsync();

        (await Stock.ReservedAsync(client, "CAB-2020-750")).ShouldBe(reservedBefore);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        var payments = after.GetProperty("payments").EnumerateArray().ToList();
        var authorized = payments.Where(p => p.GetProperty("type").GetString() == "Authorization" && p.GetProperty("status").GetString() == "Succeeded").Sum(p => p.GetProperty("amount").GetDecimal());
        var voided = payments.Where(p => p.GetProperty("type").GetString() == "Void" && p.GetProperty("status").GetString() == "Succeeded").Sum(p => p.GetProperty("amount").GetDecimal());
        voided.ShouldBe(authorized);
    }

    private static async Task<JsonElement> PlaceAsync(HttpClient client, object body)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }


    private Task<List<OrderReadyToFulfillIntegrationEvent>> ReadyAnnouncementsAsync(Guid orderId) =>
        fixture.App.InScopeAsync(async sp =>
        {
            var payloads = await sp.GetRequiredService<OrdersDbContext>().OutboxMessages
                .Where(m => m.Type.Contains(nameof(OrderReadyToFulfillIntegrationEvent)))
                .Select(m => m.Payload).ToListAsync(Ct);
            return payloads.Select(p => JsonSerializer.Deserialize<OrderReadyToFulfillIntegrationEvent>(p, JsonSerializerOptions.Web)!)
                .Where(e => e.OrderId == orderId).ToList();
        });

    private static List<string?> Events(JsonElement order) =>
        [.. order.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString())];
}

public sealed class PlacementFlowTestsOnSqlite(SqliteHostFixture fixture) : PlacementFlowTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PlacementFlowTestsOnPostgres(PostgresHostFixture fixture) : PlacementFlowTests(fixture), IClassFixture<PostgresHostFixture>;
