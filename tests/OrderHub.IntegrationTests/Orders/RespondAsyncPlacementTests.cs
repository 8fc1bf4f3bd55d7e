using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Placement;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>
/// <c>Prefer: respond-async</c> on POST /api/v1/orders: the answer comes once the order is stored and its stock reserved;
/// compliance and payment follow as the next step of the order's process, an outbox row any host's dispatcher runs.
/// A placement cut short (a host that died after storing the order) is finished by the dispatcher once the step it
/// held for itself lapses.
/// </summary>
public abstract class RespondAsyncPlacementTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_answer_is_received_with_stock_reserved_and_placement_finishes_in_the_background()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var reservedBefore = await Stock.ReservedAsync(client, "CHD-2022-750");

        using var response = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "async-ready@example.com", sku: "CHD-2022-750", quantity: 2), "respond-async");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.GetValues("Preference-Applied").ShouldBe(["respond-async"]);
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answered.GetProperty("status").GetString().ShouldBe("Received");
        Events(answered).ShouldBe(["Received", "StockReserved"]);
        answered.GetProperty("payments").GetArrayLength().ShouldBe(0);
        (await Stock.ReservedAsync(client, "CHD-2022-750")).ShouldBe(reservedBefore + 2);

        var placed = await WaitWhileReceivedAsync(client, answered.GetProperty("id").GetGuid());
        placed.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        Events(placed).ShouldBe(["Received", "StockReserved", "ComplianceApproved", "PaymentAuthorized", "ReadyToFulfill"]);
        var payment = placed.GetProperty("payments").EnumerateArray().ShouldHaveSingleItem();
        payment.GetProperty("amount").GetDecimal().ShouldBe(placed.GetProperty("totals").GetProperty("total").GetDecimal());
        (await Stock.ReservedAsync(client, "CHD-2022-750")).ShouldBe(reservedBefore + 2);
    }

    [Fact]
    public async Task A_replayed_key_answers_with_the_order_as_it_is_now()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var body = Infrastructure.Orders.ValidBody(email: "async-replay@example.com");
        var key = Guid.NewGuid().ToString();
        using var first = await PlaceAsync(client, body, "respond-async", key);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await WaitWhileReceivedAsync(client, id)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");

        using var replay = await PlaceAsync(client, body, "respond-async", key);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        replay.Headers.Contains("Preference-Applied").ShouldBeFalse(); // nothing was placed by this request
        var answered = await replay.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answered.GetProperty("id").GetGuid().ShouldBe(id);
        answered.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
    }

    [Fact]
    public async Task A_declined_card_is_found_in_the_background_and_holds_the_order()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();

        // RFC 7240 allows several preferences and parameters in one header.
        using var response = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "async-declined@example.com", token: "tok_chargeDeclined"), "wait=10, respond-async");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answered.GetProperty("status").GetString().ShouldBe("Received");
        var held = await WaitWhileReceivedAsync(client, answered.GetProperty("id").GetGuid());
        held.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = held.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Payment");
        hold.GetProperty("reason").GetString()!.ShouldContain("card_declined");
    }

    [Fact]
    public async Task A_stock_shortage_is_still_answered_at_once()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();

        using var response = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "async-short@example.com", sku: "PN-2021-1500", quantity: 28), "respond-async"); // 24 in stock; 42 L is within Oregon's limit

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answered.GetProperty("status").GetString().ShouldBe("OnHold");
        var hold = answered.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem();
        hold.GetProperty("type").GetString().ShouldBe("Inventory");
        hold.GetProperty("reason").GetString()!.ShouldContain("PN-2021-1500");
    }

    [Fact]
    public async Task Without_the_preference_the_answer_waits_for_the_whole_placement()
    {
        fixture.RequireProvider();
        using var response = await PlaceAsync(fixture.App.CreateApiClient(), Infrastructure.Orders.ValidBody(email: "sync-ready@example.com"), prefer: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Contains("Preference-Applied").ShouldBeFalse();
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
    }

    [Fact]
    public async Task A_placement_cut_short_by_a_dead_host_is_finished_by_the_dispatcher_once_its_step_is_due()
    {
        fixture.RequireProvider();
        var clock = new ShiftingClock();
        await using var host = WithClock(clock);
        var client = ApiClient(host);

        // The host stored the order (with its first placement step, held for the request) and died before placing it.
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var body = JsonSerializer.Deserialize<PlaceOrderRequest>(
                JsonSerializer.Serialize(Infrastructure.Orders.ValidBody(email: "crashed-mid-placement@example.com")), JsonSerializerOptions.Web)!;
            var received = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReceiveOrderCommand(body, Guid.NewGuid().ToString(), "api:test"), Ct);
            id = received.OrderId;
        }

        (await StatusAsync(client, id)).ShouldBe("Received");

        await DispatchAsync(host);
        (await StatusAsync(client, id)).ShouldBe("Received"); // still held for the request that stored it

        clock.Advance(PlacementSchedule.InlineHold + TimeSpan.FromSeconds(1));
        await DispatchAsync(host);
        var placed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        placed.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        Events(placed).ShouldBe(["Received", "StockReserved", "ComplianceApproved", "PaymentAuthorized", "ReadyToFulfill"]);
    }

    [Fact]
    public async Task A_gateway_that_did_not_answer_is_asked_again_a_minute_later_and_the_order_goes_on()
    {
        fixture.RequireProvider();
        var clock = new ShiftingClock();
        await using var host = WithClock(clock);
        var client = ApiClient(host);
        using var response = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "gateway-timeout@example.com", token: "tok_timeout"), prefer: null);
        var held = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        held.GetProperty("status").GetString().ShouldBe("OnHold");
        held.GetProperty("holds").EnumerateArray().ShouldHaveSingleItem().GetProperty("rule").GetString().ShouldBe("PaymentPending");
        var id = held.GetProperty("id").GetGuid();

        await DispatchAsync(host);
        (await StatusAsync(client, id)).ShouldBe("OnHold"); // not yet: a minute later

        clock.Advance(PlacementSchedule.PendingAuthorizationRetry + TimeSpan.FromSeconds(1));
        await DispatchAsync(host);
        var placed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        placed.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        placed.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("status").GetString() == "Succeeded")
            .Sum(p => p.GetProperty("amount").GetDecimal()).ShouldBe(placed.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_change_while_the_order_is_still_being_placed_is_refused_until_placement_ends()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        using var response = await PlaceAsync(client, Infrastructure.Orders.ValidBody(email: "async-change@example.com", quantity: 2), "respond-async");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        // Compliance and the authorization are being taken for two bottles: a change now would be decided on those.
        using (var early = await ChangeAsync(client, id, quantity: 4))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await early.Content.ReadAsStringAsync(Ct)).ShouldContain("still being placed");
        }

        await fixture.App.DispatchOutboxAsync();
        using var later = await ChangeAsync(client, id, quantity: 4);
        later.StatusCode.ShouldBe(HttpStatusCode.OK, await later.Content.ReadAsStringAsync(Ct));
        var changed = await later.Content.ReadFromJsonAsync<JsonElement>(Ct);
        changed.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        var authorized = changed.GetProperty("payments").EnumerateArray()
            .Where(p => p.GetProperty("type").GetString() == "Authorization" && p.GetProperty("status").GetString() == "Succeeded")
            .Sum(p => p.GetProperty("amount").GetDecimal());
        authorized.ShouldBe(changed.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    /// <summary>A second host on the fixture's database whose clock the test moves.</summary>
    private WebApplicationFactory<Program> WithClock(TimeProvider clock) =>
        fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));

    private static Task<int> DispatchAsync(WebApplicationFactory<Program> host) =>
        host.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(Ct);

    private static HttpClient ApiClient(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        return client;
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid id, int quantity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{id}/changes")
        {
            Content = JsonContent.Create(new { lines = new[] { new { sku = "CAB-2019-750", quantity } }, reason = "Customer wants more" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> PlaceAsync(HttpClient client, object body, string? prefer, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>The order once its next step ran: the test host's dispatcher runs only when told to.</summary>
    private async Task<JsonElement> WaitWhileReceivedAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await fixture.App.DispatchOutboxAsync();
            var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
            if (order.GetProperty("status").GetString() != "Received" || DateTime.UtcNow > deadline)
            {
                return order;
            }

            await Task.Delay(50, Ct);
        }
    }

    private static async Task<string?> StatusAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct)).GetProperty("status").GetString();

    private static List<string?> Events(JsonElement order) =>
        [.. order.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString())];
}

public sealed class RespondAsyncPlacementTestsOnSqlite(SqliteHostFixture fixture) : RespondAsyncPlacementTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class RespondAsyncPlacementTestsOnPostgres(PostgresHostFixture fixture) : RespondAsyncPlacementTests(fixture), IClassFixture<PostgresHostFixture>;
