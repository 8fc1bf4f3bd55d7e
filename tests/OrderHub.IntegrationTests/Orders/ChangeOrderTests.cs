using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Orders.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>An edit is one change: stock, compliance and payment move together or not at all, and money reconciles.</summary>
public abstract class ChangeOrderTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Raising_a_quantity_reserves_more_authorizes_the_difference_and_lands_on_the_timeline()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "more@example.com", "CHD-2023-750", 2);
        var reservedBefore = await Stock.ReservedAsync(client, "CHD-2023-750");

        var changed = await ChangeAsync(client, order, new { lines = new[] { new { sku = "CHD-2023-750", quantity = 5 } }, reason = "Customer wants five" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        after.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(5);
        after.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        (await Stock.ReservedAsync(client, "CHD-2023-750")).ShouldBe(reservedBefore + 3);
        Reconciles(after).ShouldBeTrue();
        after.GetProperty("payments").EnumerateArray().Count(p => p.GetProperty("type").GetString() == "Authorization").ShouldBe(2);
        after.GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("event").GetString() == "Changed");
    }

    [Fact]
    public async Task Lowering_a_quantity_releases_stock_and_part_of_the_authorization()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "less@example.com", "CHD-2023-750", 4);
        var reservedBefore = await Stock.ReservedAsync(client, "CHD-2023-750");

        var changed = await ChangeAsync(client, order, new { lines = new[] { new { sku = "CHD-2023-750", quantity = 1 } }, reason = "Only one" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (await Stock.ReservedAsync(client, "CHD-2023-750")).ShouldBe(reservedBefore - 3);
        after.GetProperty("payments").EnumerateArray().ShouldContain(p => p.GetProperty("type").GetString() == "Void");
        Reconciles(after).ShouldBeTrue();
    }

    [Fact]
    public async Task A_new_address_the_law_forbids_is_422_and_the_order_stock_and_money_stay_exactly_as_they_were()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "moving@example.com", "CAB-2020-750", 2);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        var reservedBefore = await Stock.ReservedAsync(client, "CAB-2020-750");

        var refused = await ChangeAsync(client, order, new
        {
            lines = new[] { new { sku = "CAB-2020-750", quantity = 3 } },
            shippingAddress = new { line1 = "9 Temple Sq", city = "Salt Lake City", region = "UT", postalCode = "84101", country = "US" },
            reason = "Moved to Utah",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("DtcNotAllowed");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("shippingAddress").GetProperty("region").GetString().ShouldBe("OR");
        after.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(2);
        after.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(before.GetProperty("totals").GetProperty("total").GetDecimal());
        after.GetProperty("payments").GetArrayLength().ShouldBe(before.GetProperty("payments").GetArrayLength());
        (await Stock.ReservedAsync(client, "CAB-2020-750")).ShouldBe(reservedBefore);
    }

    [Fact]
    public async Task More_than_the_stock_is_422_and_nothing_changes()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "greedy@example.com", "CAB-2019-1500", 1);

        var refused = await ChangeAsync(client, order, new { lines = new[] { new { sku = "CAB-2019-1500", quantity = 500 } }, reason = "All of them" });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("InsufficientStock");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_repeated_key_changes_once_another_body_with_it_is_409_and_after_picking_starts_changes_are_409()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "twice@example.com", "SB-2023-750", 1);
        var key = Guid.NewGuid().ToString();
        var body = new { lines = new[] { new { sku = "SB-2023-750", quantity = 2 } }, reason = "One more" };

        (await ChangeAsync(client, order, body, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ChangeAsync(client, order, body, key)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(2);
        (await ChangeAsync(client, order, new { lines = new[] { new { sku = "SB-2023-750", quantity = 9 } }, reason = "x" }, key)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrdersDbContext>();
            var entity = await db.LoadOrderAsync(order, Ct);
            entity.StartPicking("staff:picker", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Ct);
        });
        (await ChangeAsync(client, order, new { lines = new[] { new { sku = "SB-2023-750", quantity = 3 } }, reason = "late" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_key_too_long_to_store_with_the_change_is_400_before_anything_moves()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "long-key@example.com", "SB-2023-750", 1);

        var response = await ChangeAsync(client, order, new { lines = new[] { new { sku = "SB-2023-750", quantity = 2 } }, reason = "More" }, new string('k', 101));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Idempotency-Key");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(1);
        Reconciles(after).ShouldBeTrue();
    }

    [Fact]
    public async Task A_date_of_birth_that_makes_the_purchaser_an_adult_clears_the_age_hold_and_the_order_goes_ready()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "dob-later@example.com", sku: "CHD-2023-750", dateOfBirth: null));
        order.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem().GetProperty("rule").GetString().ShouldBe("AgeUnverified");
        var id = order.GetProperty("id").GetGuid();

        var changed = await ChangeAsync(client, id, new { customer = new { dateOfBirth = "1980-04-02" }, reason = "Customer gave her date of birth by phone" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        after.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        after.GetProperty("holds").GetArrayLength().ShouldBe(0);
        after.GetProperty("customer").GetProperty("dateOfBirth").GetString().ShouldBe("1980-04-02");
        Reconciles(after).ShouldBeTrue();
        var events = after.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        events.ShouldContain("CustomerUpdated");
        events.ShouldContain("HoldReleased");
    }

    [Fact]
    public async Task A_date_of_birth_of_a_minor_is_422_under_age_and_the_order_stays_on_its_hold()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "dob-minor@example.com", sku: "CHD-2023-750", dateOfBirth: null));
        var id = order.GetProperty("id").GetGuid();
        var minor = DateTime.UtcNow.AddYears(-19).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await ChangeAsync(client, id, new { customer = new { dateOfBirth = minor }, reason = "Date of birth given" });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("UnderAge");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        after.GetProperty("status").GetString().ShouldBe("OnHold");
        after.GetProperty("customer").GetProperty("dateOfBirth").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("payments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Customer_details_without_a_date_of_birth_or_phone_and_a_birth_date_in_the_future_are_400_naming_the_field()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "empty-customer@example.com", "SB-2023-750", 1);

        var empty = await ChangeAsync(client, order, new { customer = new { }, reason = "Nothing" });
        var future = await ChangeAsync(client, order, new { customer = new { dateOfBirth = "2099-01-01" }, reason = "Typo" });

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("customer", out _).ShouldBeTrue();
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("customer.dateOfBirth", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_new_card_authorizes_the_total_and_clears_the_payment_hold_and_a_declined_one_changes_nothing()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "new-card@example.com", sku: "CHD-2023-750", token: "tok_chargeDeclined"));
        order.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem().GetProperty("type").GetString().ShouldBe("Payment");
        var id = order.GetProperty("id").GetGuid();

        var declined = await ChangeAsync(client, id, new { payment = new { method = "Card", token = "tok_chargeDeclinedInsufficientFunds" }, reason = "Another card" });
        declined.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await declined.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("PaymentDeclined");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct)).GetProperty("status").GetString().ShouldBe("OnHold");

        var changed = await ChangeAsync(client, id, new { payment = new { method = "Card", token = "tok_visa" }, reason = "Customer gave a new card" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        after.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        Reconciles(after).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancel_while_a_change_holds_the_order_is_409_and_changes_nothing()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var order = await PlaceReadyAsync(client, "claimed@example.com", "SB-2023-750", 1);
        await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrdersDbContext>();
            (await db.LoadOrderAsync(order, Ct)).StartChange(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Ct);
        });

        (await client.PostAsJsonAsync($"/api/v1/orders/{order}/cancel", new { reason = "Too late" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ChangeAsync(client, order, new { lines = new[] { new { sku = "SB-2023-750", quantity = 2 } }, reason = "More" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
    }

    [Fact]
    public async Task A_change_left_half_done_by_a_dead_host_is_put_right_by_the_next_change_once_its_claim_expires()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = Inventory.InventoryApi.NewSku("HALF");
        await Inventory.InventoryApi.CreateProductAsync(client, sku);
        await Inventory.InventoryApi.ReceiveAsync(client, sku, 20);
        var order = await PlaceReadyAsync(client, "half-done@example.com", sku, 2);

        // What a change that died before saving leaves: its claim (long expired) and the other modules on its side.
        await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrdersDbContext>();
            var entity = await db.LoadOrderAsync(order, Ct);
            entity.StartChange(DateTimeOffset.UtcNow.AddHours(-1));
            await db.SaveChangesAsync(Ct);
            var sender = sp.GetRequiredService<Mediator.ISender>();
            await sender.Send(new OrderHub.Modules.Inventory.Contracts.Commands.ReplaceReservationCommand($"order:{order:N}",
                [new OrderHub.Modules.Inventory.Contracts.Commands.StockLine(sku, 7)]), Ct);
            await sender.Send(new OrderHub.Modules.Payments.Contracts.Commands.AuthorizePaymentCommand($"dead-change:{order:N}", order, entity.Number, 150m, "USD", "tok_visa"), Ct);
            return 0;
        });
        (await Stock.ReservedAsync(client, sku)).ShouldBe(7);

        var changed = await ChangeAsync(client, order, new { lines = new[] { new { sku, quantity = 3 } }, reason = "Three" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        (await Stock.ReservedAsync(client, sku)).ShouldBe(3);
        Reconciles(await changed.Content.ReadFromJsonAsync<JsonElement>(Ct)).ShouldBeTrue();
    }

    private static async Task<JsonElement> PlaceAsync(HttpClient client, object body)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static bool Reconciles(JsonElement order)
    {
        var payments = order.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("status").GetString() == "Succeeded").ToList();
        var authorized = payments.Where(p => p.GetProperty("type").GetString() == "Authorization").Sum(p => p.GetProperty("amount").GetDecimal());
        var voided = payments.Where(p => p.GetProperty("type").GetString() == "Void").Sum(p => p.GetProperty("amount").GetDecimal());
        return authorized - voided == order.GetProperty("totals").GetProperty("total").GetDecimal();
    }

    private static async Task<Guid> PlaceReadyAsync(HttpClient client, string email, string sku, int quantity)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: quantity));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var order = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        return order.GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid order, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{order}/changes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }
}

public sealed class ChangeOrderTestsOnSqlite(SqliteHostFixture fixture) : ChangeOrderTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ChangeOrderTestsOnPostgres(PostgresHostFixture fixture) : ChangeOrderTests(fixture), IClassFixture<PostgresHostFixture>;
