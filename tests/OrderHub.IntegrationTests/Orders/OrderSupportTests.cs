using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Orders.Features.CountOrders;
using OrderHub.Modules.Orders.Features.ExportOrders;
using OrderHub.Modules.Orders.Features.SearchOrders;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>What a customer-service desk does through the API: cancel, hold, release, search.</summary>
public abstract class OrderSupportTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancelling_an_unshipped_order_is_200_on_the_timeline_and_tells_the_customer_once()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var (id, number) = await PlaceAsync(client, "cancel@example.com");

        var cancelled = await client.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "Customer changed their mind" }, Ct);
        var again = await client.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "Clicked twice" }, Ct);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        order.GetProperty("status").GetString().ShouldBe("Cancelled");
        var events = order.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        events.Count(e => e == "Cancelled").ShouldBe(1);

        await fixture.App.DispatchOutboxAsync();
        await fixture.App.DispatchOutboxAsync();
        var subjects = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages
            .Where(e => e.OrderNumber == number).Select(e => e.Subject).ToListAsync(Ct));
        subjects.Count(s => s.Contains("cancelled", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_cancel_without_a_reason_is_400_and_an_unknown_order_is_404()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var (id, _) = await PlaceAsync(client, "noreason@example.com");
        (await client.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync($"/api/v1/orders/{Guid.NewGuid()}/cancel", new { reason = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_hold_an_order_and_release_it_with_a_reason_and_both_are_on_the_timeline()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var (id, _) = await PlaceAsync(client, "hold@example.com");

        var held = await client.PostAsJsonAsync($"/api/v1/orders/{id}/holds", new { type = "Fraud", reason = "Velocity check" }, Ct);
        held.StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = await held.Content.ReadFromJsonAsync<JsonElement>(Ct);
        order.GetProperty("status").GetString().ShouldBe("OnHold");
        order.GetProperty("holds")[0].GetProperty("type").GetString().ShouldBe("Fraud");

        var wrongType = await client.PostAsJsonAsync($"/api/v1/orders/{id}/holds/Payment/release", new { reason = "n/a" }, Ct);
        wrongType.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var released = await client.PostAsJsonAsync($"/api/v1/orders/{id}/holds/Fraud/release", new { reason = "Customer verified by phone" }, Ct);
        released.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await released.Content.ReadFromJsonAsync<JsonElement>(Ct);
        after.GetProperty("holds").GetArrayLength().ShouldBe(0);
        var timeline = after.GetProperty("timeline").EnumerateArray().ToList();
        timeline.ShouldContain(t => t.GetProperty("event").GetString() == "HoldReleased"
            && t.GetProperty("detail").GetString()!.Contains("Customer verified by phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Support_finds_orders_by_email_number_sku_and_status_with_paging()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var email = $"search-{Guid.NewGuid():N}@example.com";
        var placed = new List<(Guid Id, string Number)>();
        for (var i = 0; i < 3; i++)
        {
            placed.Add(await PlaceAsync(client, email.ToUpperInvariant(), sku: i == 2 ? "PN-2021-750" : "CAB-2019-750"));
        }

        var byEmail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email={email}&pageSize=2", Ct);
        byEmail.GetProperty("total").GetInt32().ShouldBe(3);
        byEmail.GetProperty("items").GetArrayLength().ShouldBe(2);
        byEmail.GetProperty("items")[0].GetProperty("number").GetString().ShouldBe(placed[2].Number); // newest first

        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email={email}&pageSize=2&page=2", Ct);
        page2.GetProperty("items").GetArrayLength().ShouldBe(1);

        var byNumber = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?number={placed[1].Number.ToLowerInvariant()}", Ct);
        byNumber.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(placed[1].Id);

        var bySku = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email={email}&sku=PN-2021-750", Ct);
        bySku.GetProperty("total").GetInt32().ShouldBe(1);

        (await client.GetAsync("/api/v1/orders?status=Teleported", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/orders?pageSize=5000", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Notes_go_on_the_timeline_and_the_desk_filters_count_and_export_by_channel_and_hold_type()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var email = $"desk-{Guid.NewGuid():N}@example.com";
        var (held, _) = await PlaceAsync(client, email);
        var phone = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: email, channel: "Phone"));
        phone.StatusCode.ShouldBe(HttpStatusCode.Created);
        var phoneId = (await phone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/orders/{held}/holds", new { type = "Manual", reason = "Desk check" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A note: 200 with the order, on its timeline with who wrote it; an empty note is 400, an unknown order 404.
        var noted = await client.PostAsJsonAsync($"/api/v1/orders/{held}/notes", new { text = "Customer will call back" }, Ct);
        noted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var note = (await noted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("timeline").EnumerateArray().Last();
        (note.GetProperty("event").GetString(), note.GetProperty("detail").GetString()).ShouldBe(("NoteAdded", "Customer will call back"));
        note.GetProperty("actor").GetString()!.ShouldStartWith("api:");
        (await client.PostAsJsonAsync($"/api/v1/orders/{held}/notes", new { text = " " }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync($"/api/v1/orders/{Guid.NewGuid()}/notes", new { text = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Search by channel and by active hold type.
        var byChannel = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email={email}&channel=Phone", Ct);
        byChannel.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([phoneId]);
        var byHold = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email={email}&holdType=Manual", Ct);
        byHold.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([held]);
        (await client.GetAsync("/api/v1/orders?holdType=Sunny", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/orders?channel=Fax", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The counts agree with the searches (one grouped query each), and the export holds the filter's orders.
        var counts = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new CountOrdersQuery(), Ct).AsTask());
        var manual = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?holdType=Manual", Ct);
        counts.ByHoldType.Single(c => c.Name == "Manual").Count.ShouldBe(manual.GetProperty("total").GetInt32());
        var onHold = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?status=OnHold", Ct);
        counts.ByStatus.Single(c => c.Name == "OnHold").Count.ShouldBe(onHold.GetProperty("total").GetInt32());
        var exported = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ISender>()
            .Send(new ExportOrdersQuery(new SearchOrdersQuery(null, email, null, null, null, null, null, null, null)), Ct).AsTask());
        exported.Truncated.ShouldBeFalse();
        exported.Orders.Select(o => o.Id).Order().ShouldBe(new[] { held, phoneId }.Order());
    }

    private static async Task<(Guid Id, string Number)> PlaceAsync(HttpClient client, string email, string sku = "CAB-2019-750")
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: email, sku: sku));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }
}

public sealed class OrderSupportTestsOnSqlite(SqliteHostFixture fixture) : OrderSupportTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class OrderSupportTestsOnPostgres(PostgresHostFixture fixture) : OrderSupportTests(fixture), IClassFixture<PostgresHostFixture>;
