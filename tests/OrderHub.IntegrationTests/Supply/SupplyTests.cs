using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Inventory.Features.AllocateBackorders;
using OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Supply;

/// <summary>Expected supply, backorders served by priority when it arrives, and the daily reorder check, through HTTP on a real database.</summary>
public abstract class SupplyTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_purchase_order_received_with_enough_for_one_serves_the_higher_priority_order_first()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var po = await CreatePurchaseOrderAsync(client, sku, 6);

        var web = await PlaceAsync(client, sku, 3, "Web", "prio-web@example.com");
        var phone = await PlaceAsync(client, sku, 3, "Phone", "prio-phone@example.com");
        web.GetProperty("status").GetString().ShouldBe("Backordered");
        phone.GetProperty("status").GetString().ShouldBe("Backordered");

        var receipt = await ReceiveAsync(client, po, sku, 3);
        receipt.GetProperty("purchaseOrder").GetProperty("status").GetString().ShouldBe("PartiallyReceived");
        await DispatchUntilIdleAsync();

        // The phone order came second but has the higher priority: it gets the three units.
        (await OrderAsync(client, phone)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await OrderAsync(client, web)).GetProperty("status").GetString().ShouldBe("Backordered");
        var backorders = await BackordersAsync(client, sku);
        backorders.Single(b => b.GetProperty("orderNumber").GetString() == Number(web)).GetProperty("status").GetString().ShouldBe("Waiting");
        backorders.Single(b => b.GetProperty("orderNumber").GetString() == Number(phone)).GetProperty("status").GetString().ShouldBe("Allocated");
        (await Stock.ReservedAsync(client, sku)).ShouldBe(3);
    }

    [Fact]
    public async Task Equal_priorities_are_served_first_come_and_a_backordered_order_ends_ready_to_fulfill_with_its_timeline()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var expectedAt = DateTimeOffset.UtcNow.AddDays(21);
        var po = await CreatePurchaseOrderAsync(client, sku, 4, expectedAt);

        var first = await PlaceAsync(client, sku, 2, "Web", "fifo-first@example.com");
        var second = await PlaceAsync(client, sku, 2, "Web", "fifo-second@example.com");
        first.GetProperty("status").GetString().ShouldBe("Backordered");
        var hold = first.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Inventory");
        hold.GetProperty("rule").GetString().ShouldBe("Backordered");
        var backordered = first.GetProperty("timeline").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "Backordered");
        backordered.GetProperty("detail").GetString()!.ShouldContain(expectedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        await ReceiveAsync(client, po, sku, 2);
        await DispatchUntilIdleAsync();
        var firstNow = await OrderAsync(client, first);
        firstNow.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await OrderAsync(client, second)).GetProperty("status").GetString().ShouldBe("Backordered");
        Events(firstNow).ShouldBe(["Received", "ComplianceChecked", "Backordered", "BackorderAllocated", "StockReserved", "ComplianceApproved", "PaymentAuthorized", "ReadyToFulfill", "Sourced", "ComplianceRechecked"]); // sourced as soon as it is ready, then checked for that origin
        firstNow.GetProperty("holds").GetArrayLength().ShouldBe(0);

        var last = await ReceiveAsync(client, po, sku, 2);
        last.GetProperty("purchaseOrder").GetProperty("status").GetString().ShouldBe("Received");
        await DispatchUntilIdleAsync();
        (await OrderAsync(client, second)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await Stock.ReservedAsync(client, sku)).ShouldBe(4);
    }

    [Fact]
    public async Task Cancelling_a_backordered_order_drops_its_waiting_request_and_later_stock_goes_to_the_next_one()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var po = await CreatePurchaseOrderAsync(client, sku, 10);
        var cancelled = await PlaceAsync(client, sku, 3, "Phone", "cancel-first@example.com");
        var next = await PlaceAsync(client, sku, 3, "Web", "cancel-next@example.com");
        cancelled.GetProperty("status").GetString().ShouldBe("Backordered");

        var cancel = await client.PostAsJsonAsync($"/api/v1/orders/{Id(cancelled)}/cancel", new { reason = "Customer changed their mind" }, Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchUntilIdleAsync();
        var request = (await BackordersAsync(client, sku)).Single(b => b.GetProperty("orderNumber").GetString() == Number(cancelled));
        request.GetProperty("status").GetString().ShouldBe("Cancelled");
        (await BackordersAsync(client, sku, "Waiting")).ShouldHaveSingleItem().GetProperty("orderNumber").GetString().ShouldBe(Number(next));

        await ReceiveAsync(client, po, sku, 3);
        await DispatchUntilIdleAsync();
        (await OrderAsync(client, next)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await OrderAsync(client, cancelled)).GetProperty("status").GetString().ShouldBe("Cancelled");
        (await Stock.ReservedAsync(client, sku)).ShouldBe(3);
    }

    [Fact]
    public async Task Without_expected_supply_a_short_order_keeps_the_inventory_hold_and_nothing_waits()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);

        var order = await PlaceAsync(client, sku, 2, "Web", "nosupply@example.com");

        order.GetProperty("status").GetString().ShouldBe("OnHold");
        order.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem().GetProperty("rule").GetString().ShouldBe("InsufficientStock");
        (await BackordersAsync(client, sku)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reorder_check_raises_one_suggestion_and_draft_purchase_order_per_sku_and_location_a_day_and_alerts_staff()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var supplier = await CreateSupplierAsync(client);
        await InventoryApi.ReceiveAsync(client, sku, 5, "NAPA-WH");
        var set = await client.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NAPA-WH/{sku}", new { reorderPoint = 10, reorderQuantity = 24, supplierLocationCode = supplier }, Ct);
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Ct));

        Task<int> RunJobAsync() => fixture.App.InScopeAsync(sp => sp.GetRequiredService<RaiseReorderSuggestionsJob>().RunAsync(Ct)); // as Hangfire: a scope per run
        (await RunJobAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await RunJobAsync()).ShouldBe(0);

        var suggestion = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/inventory/reorder-suggestions?sku={sku}", Ct))!.ShouldHaveSingleItem();
        suggestion.GetProperty("available").GetInt32().ShouldBe(5);
        suggestion.GetProperty("suggestedQuantity").GetInt32().ShouldBe(24);
        var draft = await client.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{suggestion.GetProperty("purchaseOrderId").GetGuid()}", Ct);
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("supplierLocationCode").GetString().ShouldBe(supplier);
        var line = draft.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("sku").GetString().ShouldBe(sku);
        line.GetProperty("quantity").GetInt32().ShouldBe(24);

        await DispatchUntilIdleAsync();
        var alerts = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages.AsNoTracking()
            .Where(m => m.Subject == $"Low stock: {sku} at NAPA-WH").ToListAsync(Ct));
        var alert = alerts.ShouldHaveSingleItem();
        alert.To.ShouldBe("inventory@orderhub.local");
        alert.Body.ShouldContain("5 available");
    }

    [Fact]
    public async Task Bad_supply_input_is_a_clear_problem_and_changes_nothing()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var in10Days = DateTimeOffset.UtcNow.AddDays(10);

        var unknownSku = await client.PostAsJsonAsync("/api/v1/purchase-orders", new { destinationLocationCode = "NAPA-WH", lines = new[] { new { sku = "NO-SUCH-SKU", quantity = 1, expectedAt = in10Days } } }, Ct);
        (await InventoryApi.ProblemAsync(unknownSku, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("SkuMustExist");
        var unknownLocation = await client.PostAsJsonAsync("/api/v1/purchase-orders", new { destinationLocationCode = "NOWHERE", lines = new[] { new { sku, quantity = 1, expectedAt = in10Days } } }, Ct);
        (await InventoryApi.ProblemAsync(unknownLocation, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("LocationMustExist");
        var negative = await client.PostAsJsonAsync("/api/v1/purchase-orders", new { destinationLocationCode = "NAPA-WH", lines = new[] { new { sku, quantity = -4, expectedAt = in10Days } } }, Ct);
        (await InventoryApi.ProblemAsync(negative, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Contains("Quantity", StringComparison.OrdinalIgnoreCase));

        var po = await CreatePurchaseOrderAsync(client, sku, 5);
        var tooMuch = await client.PostAsJsonAsync($"/api/v1/purchase-orders/{po}/receipts", new { lines = new[] { new { sku, quantity = 6 } } }, Ct);
        (await InventoryApi.ProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("ReceiptWithinPurchaseOrderLine");
        var notOnIt = await client.PostAsJsonAsync($"/api/v1/purchase-orders/{po}/receipts", new { lines = new[] { new { sku = "CAB-2019-750", quantity = 1 } } }, Ct);
        (await InventoryApi.ProblemAsync(notOnIt, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("SkuMustBeOnPurchaseOrder");
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/purchase-orders/{po}", Ct);
        stored.GetProperty("status").GetString().ShouldBe("Open");
        stored.GetProperty("lines")[0].GetProperty("receivedQuantity").GetInt32().ShouldBe(0);
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(0);
        var unknownPo = await client.PostAsJsonAsync($"/api/v1/purchase-orders/{Guid.NewGuid()}/receipts", new { lines = new[] { new { sku, quantity = 1 } } }, Ct);
        await InventoryApi.ProblemAsync(unknownPo, HttpStatusCode.NotFound);

        var badPoint = await client.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NAPA-WH/{sku}", new { reorderPoint = -1, reorderQuantity = 0 }, Ct);
        await InventoryApi.ProblemAsync(badPoint, HttpStatusCode.BadRequest);
        var unknownPointLocation = await client.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NOWHERE/{sku}", new { reorderPoint = 5, reorderQuantity = 10 }, Ct);
        (await InventoryApi.ProblemAsync(unknownPointLocation, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("LocationMustExist");
        var notASupplier = await client.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NAPA-WH/{sku}", new { reorderPoint = 5, reorderQuantity = 10, supplierLocationCode = "RENO-WH" }, Ct);
        (await InventoryApi.ProblemAsync(notASupplier, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("SupplierMustBeSupplierLocation");

        var limited = fixture.App.CreateApiClient(await ApiClients.CreateAsync(fixture.App, "inventory:read"));
        var forbidden = await limited.PostAsJsonAsync("/api/v1/purchase-orders", new { destinationLocationCode = "NAPA-WH", lines = new[] { new { sku, quantity = 1, expectedAt = in10Days } } }, Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_received_transfer_serves_a_waiting_backorder_and_the_safety_job_serves_stock_that_arrived_without_an_event()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        await CreatePurchaseOrderAsync(client, sku, 4);
        var first = await PlaceAsync(client, sku, 2, "Web", "safety-first@example.com");
        var second = await PlaceAsync(client, sku, 2, "Web", "safety-second@example.com");

        await FoundAsync(client, sku, 2);
        await DispatchUntilIdleAsync();
        (await OrderAsync(client, first)).GetProperty("status").GetString().ShouldBe("Backordered"); // an adjustment is no arrival event

        (await fixture.App.InScopeAsync(sp => sp.GetRequiredService<AllocateBackordersJob>().RunAsync(Ct))).ShouldBeGreaterThanOrEqualTo(1);
        await DispatchUntilIdleAsync();
        (await OrderAsync(client, first)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await OrderAsync(client, second)).GetProperty("status").GetString().ShouldBe("Backordered");

        await FoundAsync(client, sku, 2);
        var transfer = await client.PostAsJsonAsync("/api/v1/inventory/transfers", new { fromLocationCode = "RENO-WH", toLocationCode = "NAPA-WH", sku, quantity = 2 }, Ct);
        transfer.StatusCode.ShouldBe(HttpStatusCode.Created, await transfer.Content.ReadAsStringAsync(Ct));
        var transferId = (await transfer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/inventory/transfers/{transferId}/receive", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchUntilIdleAsync();
        (await OrderAsync(client, second)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).Reserved.ShouldBe(2);
    }

    private static async Task FoundAsync(HttpClient client, string sku, int quantity)
    {
        var response = await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationCode = "RENO-WH", sku, quantity, reason = "Found", bin = "R-01-1", lot = "L2026-FOUND" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Lines_changed_while_backordered_are_what_gets_reserved_when_the_stock_arrives()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var po = await CreatePurchaseOrderAsync(client, sku, 6);
        var order = await PlaceAsync(client, sku, 2, "Web", "changed-backorder@example.com");
        order.GetProperty("status").GetString().ShouldBe("Backordered");

        using (var change = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{Id(order)}/changes")
        {
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 3 } }, reason = "Customer wants one more" }),
        })
        {
            change.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var changed = await client.SendAsync(change, Ct);
            changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        }

        await ReceiveAsync(client, po, sku, 6);
        await DispatchUntilIdleAsync();
        (await OrderAsync(client, order)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await Stock.ReservedAsync(client, sku)).ShouldBe(3);
    }

    [Fact]
    public async Task Lines_changed_while_backordered_and_short_on_arrival_are_reserved_in_full_once_the_hold_is_released()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var po = await CreatePurchaseOrderAsync(client, sku, 2);
        var order = await PlaceAsync(client, sku, 2, "Web", "changed-short-backorder@example.com");
        order.GetProperty("status").GetString().ShouldBe("Backordered");
        using (var change = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{Id(order)}/changes")
        {
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 5 } }, reason = "Customer wants five" }),
        })
        {
            change.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var changed = await client.SendAsync(change, Ct);
            changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        }

        // Only the 2 of the purchase order arrive: the order cannot have its 5 and waits on an Inventory hold.
        await ReceiveAsync(client, po, sku, 2);
        await DispatchUntilIdleAsync();
        var held = await OrderAsync(client, order);
        held.GetProperty("status").GetString().ShouldBe("OnHold");
        held.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem().GetProperty("type").GetString().ShouldBe("Inventory");

        await FoundAsync(client, sku, 3);
        var released = await client.PostAsJsonAsync($"/api/v1/orders/{Id(order)}/holds/Inventory/release", new { reason = "Three more found" }, Ct);
        released.StatusCode.ShouldBe(HttpStatusCode.OK, await released.Content.ReadAsStringAsync(Ct));
        (await released.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await Stock.ReservedAsync(client, sku)).ShouldBe(5); // not the 2 reserved for the lines before the change
    }

    [Fact]
    public async Task A_backorder_the_law_refuses_is_refused_at_once_and_nothing_waits_for_the_stock()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        await CreatePurchaseOrderAsync(client, sku, 120);

        // Oregon allows five 9-liter cases (45 liters) a month to one consumer: 72 bottles of 750 ml are 54 liters.
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "six-cases@example.com", sku: sku, quantity: 72));

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString().ShouldBe("VolumeLimitExceeded");
        await DispatchUntilIdleAsync();
        (await BackordersAsync(client, sku, "Waiting")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_backorder_is_decided_again_by_the_law_when_its_stock_arrives()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = await NewSkuAsync(client);
        var po = await CreatePurchaseOrderAsync(client, sku, 6);
        var order = await PlaceAsync(client, sku, 6, "Web", "decided-twice@example.com");
        order.GetProperty("status").GetString().ShouldBe("Backordered");
        Events(order).ShouldContain("ComplianceChecked");
        Events(order).ShouldNotContain("ComplianceApproved");

        await ReceiveAsync(client, po, sku, 6);
        await DispatchUntilIdleAsync();

        var ready = await OrderAsync(client, order);
        ready.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        Events(ready).Count(e => e == "ComplianceApproved").ShouldBe(1);
        Events(ready).IndexOf("ComplianceApproved").ShouldBeGreaterThan(Events(ready).IndexOf("BackorderAllocated"));
    }

    private async Task DispatchUntilIdleAsync()
    {
        for (var i = 0; i < 10 && await fixture.App.DispatchOutboxAsync() > 0; i++)
        {
        }
    }

    private static async Task<string> NewSkuAsync(HttpClient client)
    {
        var sku = InventoryApi.NewSku("SUP");
        await InventoryApi.CreateProductAsync(client, sku);
        return sku;
    }

    private static async Task<string> CreateSupplierAsync(HttpClient client)
    {
        var code = "SUPPLIER-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var response = await client.PostAsJsonAsync("/api/v1/locations", new
        {
            code,
            name = "Glass & Cork Supply",
            type = "Supplier",
            address = new { line1 = "1 Vineyard Rd", city = "Sonoma", region = "CA", postalCode = "95476", country = "US" },
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return code;
    }

    private static async Task<Guid> CreatePurchaseOrderAsync(HttpClient client, string sku, int quantity, DateTimeOffset? expectedAt = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/purchase-orders", new
        {
            destinationLocationCode = "NAPA-WH",
            reference = "PO-TEST",
            lines = new[] { new { sku, quantity, expectedAt = expectedAt ?? DateTimeOffset.UtcNow.AddDays(14) } },
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var po = JsonDocument.Parse(body).RootElement;
        po.GetProperty("status").GetString().ShouldBe("Open");
        return po.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ReceiveAsync(HttpClient client, Guid purchaseOrderId, string sku, int quantity)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/purchase-orders/{purchaseOrderId}/receipts", new { lines = new[] { new { sku, quantity, lot = "L2026-001" } } }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> PlaceAsync(HttpClient client, string sku, int quantity, string channel, string email)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: quantity, channel: channel));
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<JsonElement> OrderAsync(HttpClient client, JsonElement order) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{Id(order)}", Ct);

    private static async Task<JsonElement[]> BackordersAsync(HttpClient client, string sku, string? status = null) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/inventory/backorders?sku={sku}{(status is null ? "" : "&status=" + status)}", Ct))!;

    private static Guid Id(JsonElement order) => order.GetProperty("id").GetGuid();

    private static string Number(JsonElement order) => order.GetProperty("number").GetString()!;

    private static List<string> Events(JsonElement order) => [.. order.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()!)];
}

public sealed class SupplyTestsOnSqlite(SqliteHostFixture fixture) : SupplyTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class SupplyTestsOnPostgres(PostgresHostFixture fixture) : SupplyTests(fixture), IClassFixture<PostgresHostFixture>;
