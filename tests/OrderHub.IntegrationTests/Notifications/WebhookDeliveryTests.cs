using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Shipping;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Features.SendWebhooks;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// Outbound webhooks end to end, to a real receiver on loopback that checks every signature with its own HMAC: an order's
/// journey arrives once per event even when every integration event is delivered to Notifications twice; a 500 then a
/// 200 is one delivery with two logged attempts; an endpoint that never answers 2xx is retried for more than 3 days,
/// then disabled with a staff alert, and a manual retry after it is fixed delivers.
/// </summary>
public abstract class WebhookDeliveryTests(WebhookHostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task A_subscribed_receiver_gets_every_event_of_an_orders_journey_once_with_a_valid_signature()
    {
        fixture.RequireProvider();
        var (id, secret) = await SubscribeAsync("/journey", "order.received", "order.ready_to_fulfill", "order.on_hold", "order.cancelled",
            "order.shipped", "order.delivered", "order.returned", "shipment.updated", "refund.issued");
        var scenario = new ShippingScenario(fixture);
        var shipment = (await scenario.LabelledAsync("HOOK")).Single();
        var number = shipment.GetProperty("orderNumber").GetString()!;
        var orderId = shipment.GetProperty("orderId").GetGuid();
        await ScanAsync(scenario, shipment, "InTransit", DateTimeOffset.UtcNow);
        await SettleAndSendAsync(scenario, "/journey", number, 5); // the scans come hours apart; a handler's transient failure is retried a second later
        await ScanAsync(scenario, shipment, "Delivered", DateTimeOffset.UtcNow.AddHours(20));
        await SettleAndSendAsync(scenario, "/journey", number, 7);
        using (var refund = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/orders/{orderId}/refunds") { Content = JsonContent.Create(new { amount = 4.00m, reason = "A corked bottle" }) })
        {
            refund.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await Client.SendAsync(refund, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await SettleAndSendAsync(scenario, "/journey", number, 8);
        var redelivered = await RedeliverToNotificationsAsync(number); // every event of the order, to Notifications once more
        redelivered.ShouldBeGreaterThanOrEqualTo(7);
        await SendAllAsync();

        var hits = fixture.Receiver!.At("/journey").Where(h => h.Body.Contains(number, StringComparison.Ordinal)).ToList();
        hits.ShouldAllBe(h => WebhookReceiver.SignatureIsValid(h, secret));
        hits.ShouldAllBe(h => h.ContentType.StartsWith("application/json", StringComparison.Ordinal));
        hits.Select(h => h.Id).Distinct().Count().ShouldBe(hits.Count, "each delivery posted once");
        hits.Select(h => h.Type == "shipment.updated" ? $"shipment.updated:{h.Data.GetProperty("status").GetString()}" : h.Type).Order(StringComparer.Ordinal).ShouldBe(
        [
            "order.delivered", "order.ready_to_fulfill", "order.received", "order.shipped", "refund.issued",
            "shipment.updated:Delivered", "shipment.updated:InTransit", "shipment.updated:LabelCreated",
        ]);
        var refunded = hits.Single(h => h.Type == "refund.issued").Data;
        (refunded.GetProperty("number").GetString(), refunded.GetProperty("amount").GetDecimal(), refunded.GetProperty("currency").GetString()).ShouldBe((number, 4.00m, "USD"));
        foreach (var order in hits.Where(h => h.Type.StartsWith("order.", StringComparison.Ordinal)))
        {
            order.Data.GetProperty("id").GetGuid().ShouldBe(orderId);
            order.Data.GetProperty("number").GetString().ShouldBe(number);
            order.Json.GetProperty("version").GetString().ShouldBe("2026-12-01");
            order.Json.GetProperty("timestamp").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
        }

        hits.Single(h => h.Type == "order.shipped").Data.GetProperty("status").GetString().ShouldBe("Shipped");
        hits.Single(h => h.Type == "order.delivered").Data.GetProperty("status").GetString().ShouldBe("Delivered");
        var transit = hits.Single(h => h.Type == "shipment.updated" && h.Data.GetProperty("status").GetString() == "InTransit");
        transit.Data.GetProperty("trackingNumber").GetString().ShouldBe(shipment.GetProperty("trackingNumber").GetString());

        var deliveries = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}/deliveries", Ct);
        var mine = deliveries.EnumerateArray().Where(d => d.GetProperty("subject").GetString() == number).ToList();
        mine.Count.ShouldBe(8);
        mine.ShouldAllBe(d => d.GetProperty("status").GetString() == "Sent" && d.GetProperty("attempts").GetInt32() == 1 && d.GetProperty("lastStatusCode").GetInt32() == 200);
    }

    [Fact]
    public async Task A_receiver_answering_500_then_200_is_retried_after_the_back_off_and_both_attempts_are_logged()
    {
        fixture.RequireProvider();
        fixture.Receiver!.Answer("/flaky", attempt => attempt == 1 ? 500 : 200);
        var (id, secret) = await SubscribeAsync("/flaky", "order.received");
        var number = await PlaceAsync("flaky");
        await SendAllAsync();
        var delivery = await DeliveryAsync(id, number);
        delivery.GetProperty("status").GetString().ShouldBe("Queued");
        delivery.GetProperty("lastStatusCode").GetInt32().ShouldBe(500);
        var next = delivery.GetProperty("nextAttemptAt").GetDateTimeOffset() - delivery.GetProperty("lastAttemptAt").GetDateTimeOffset();
        next.ShouldBeInRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61)); // 1 minute, less up to 10 % jitter

        await SendAllAsync(); // not due yet: nothing goes
        fixture.Receiver.At("/flaky").Count(h => h.Body.Contains(number, StringComparison.Ordinal)).ShouldBe(1);

        await using (var later = Later(TimeSpan.FromMinutes(2)))
        {
            await later.Services.GetRequiredService<SendWebhooksJob>().RunAsync(Ct);
        }

        var hits = fixture.Receiver.At("/flaky").Where(h => h.Body.Contains(number, StringComparison.Ordinal)).ToList();
        hits.Count.ShouldBe(2);
        hits.Select(h => h.Id).Distinct().ShouldHaveSingleItem(); // the same webhook-id: receivers can drop a duplicate
        hits.ShouldAllBe(h => WebhookReceiver.SignatureIsValid(h, secret));
        delivery = await DeliveryAsync(id, number, attempts: true);
        delivery.GetProperty("status").GetString().ShouldBe("Sent");
        delivery.GetProperty("attempts").GetInt32().ShouldBe(2);
        delivery.GetProperty("lastStatusCode").GetInt32().ShouldBe(200);
        var log = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        log.Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([500, 200]);
        log[0].GetProperty("response").GetString()!.ShouldContain("receiver says no (500)");
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_retried_for_over_3_days_then_disabled_with_an_alert_and_a_manual_retry_delivers()
    {
        fixture.RequireProvider();
        var failing = true;
        fixture.Receiver!.Answer("/down", _ => failing ? 503 : 204);
        var (id, secret) = await SubscribeAsync("/down", "order.received");
        var number = await PlaceAsync("down");
        var clock = new ShiftingClock();
        await using (var later = Later(clock))
        {
            var job = later.Services.GetRequiredService<SendWebhooksJob>();
            for (var run = 0; run < 20; run++)
            {
                await job.RunAsync(Ct);
                var d = await DeliveryAsync(id, number);
                if (d.GetProperty("status").GetString() == "Failed")
                {
                    break;
                }

                clock.Advance((d.GetProperty("nextAttemptAt").GetDateTimeOffset() - clock.GetUtcNow()) + TimeSpan.FromSeconds(1));
            }
        }

        var failed = await DeliveryAsync(id, number, attempts: true);
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("attempts").GetInt32().ShouldBe(10);
        failed.GetProperty("lastStatusCode").GetInt32().ShouldBe(503);
        var log = failed.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("at").GetDateTimeOffset()).ToList();
        log.Count.ShouldBe(10);
        (log[^1] - log[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(3));
        var hits = fixture.Receiver.At("/down").Where(h => h.Body.Contains(number, StringComparison.Ordinal)).ToList();
        hits.Count.ShouldBe(10);
        hits.ShouldAllBe(h => WebhookReceiver.SignatureIsValid(h, secret));

        var webhook = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks", Ct)).EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == id);
        webhook.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        webhook.TryGetProperty("secret", out _).ShouldBeFalse("the secret is never shown again");
        var alerts = await Client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?kind=WebhookDisabled", Ct);
        var alert = alerts.EnumerateArray().Single(a => a.GetProperty("link").GetString() == $"/notifications/webhooks/{id}/deliveries");
        alert.GetProperty("title").GetString()!.ShouldContain(fixture.Receiver.BaseUrl);

        // The integrator fixes the receiver; staff enable the endpoint and retry the failed delivery.
        failing = false;
        (await Client.PostAsync($"/api/v1/webhooks/{id}/enable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var retry = await Client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{failed.GetProperty("id").GetGuid()}/retry", null, Ct);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync(Ct));
        (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Queued");
        await SendAllAsync();
        var sent = await DeliveryAsync(id, number);
        sent.GetProperty("status").GetString().ShouldBe("Sent");
        sent.GetProperty("lastStatusCode").GetInt32().ShouldBe(204);
        (await Client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/retry", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_burst_of_deliveries_larger_than_a_batch_goes_out_in_one_run_with_several_posts_in_flight_on_a_server_database()
    {
        fixture.RequireProvider();
        fixture.Receiver!.Delay("/burst", TimeSpan.FromMilliseconds(30)); // a receiver that takes its time
        var (id, secret) = await SubscribeAsync("/burst", "order.received");
        const int burst = 150; // more than one batch (100)
        var oneWriter = await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            for (var i = 0; i < burst; i++)
            {
                db.WebhookDeliveries.Add(WebhookDelivery.Queue(id, "order.received", Guid.NewGuid(), $"BURST-{i}", "{\"type\":\"order.received\",\"data\":{\"n\":" + i + "}}", DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync(Ct);
            return db.Database.IsSqlite();
        });

        var sent = await fixture.App.Services.GetRequiredService<SendWebhooksJob>().RunAsync(Ct);

        sent.ShouldBeGreaterThanOrEqualTo(burst);
        var hits = fixture.Receiver.At("/burst");
        hits.Count.ShouldBe(burst);
        hits.Select(h => h.Id).Distinct().Count().ShouldBe(burst);
        hits.ShouldAllBe(h => WebhookReceiver.SignatureIsValid(h, secret));
        var deliveries = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}/deliveries", Ct);
        deliveries.EnumerateArray().Where(d => d.GetProperty("subject").GetString()!.StartsWith("BURST-", StringComparison.Ordinal))
            .ShouldAllBe(d => d.GetProperty("status").GetString() == "Sent" && d.GetProperty("attempts").GetInt32() == 1);
        var inFlight = fixture.Receiver.MostInFlight("/burst");
        if (oneWriter)
        {
            inFlight.ShouldBe(1, "SQLite has one writer: one post at a time");
        }
        else
        {
            inFlight.ShouldBeInRange(2, 8); // OrderHub:Webhooks:MaxParallelPosts
        }
    }

    [Fact]
    public async Task Deleting_a_subscription_stops_its_deliveries()
    {
        fixture.RequireProvider();
        var (id, _) = await SubscribeAsync("/gone", "order.received");
        (await Client.DeleteAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var number = await PlaceAsync("gone");
        await SendAllAsync();
        fixture.Receiver!.At("/gone").ShouldNotContain(h => h.Body.Contains(number, StringComparison.Ordinal));
        (await Client.GetAsync($"/api/v1/webhooks/{id}/deliveries", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.DeleteAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Dispatches and sends until <paramref name="expected"/> posts for the order arrived (the outbox retries a failed handler after a back-off), 10 s at most.</summary>
    private async Task SettleAndSendAsync(ShippingScenario scenario, string path, string number, int expected)
    {
        for (var round = 0; round < 10; round++)
        {
            await scenario.SettleAsync();
            await SendAllAsync();
            if (fixture.Receiver!.At(path).Count(h => h.Body.Contains(number, StringComparison.Ordinal)) >= expected)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        }
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string path, params string[] events)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/webhooks", new { url = fixture.Receiver!.BaseUrl + path, events, description = $"test {path}" }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var created = JsonDocument.Parse(text).RootElement;
        created.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        created.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ShouldBe(events);
        var secret = created.GetProperty("secret").GetString()!;
        secret.ShouldStartWith("whsec_");
        Convert.FromBase64String(secret["whsec_".Length..]).Length.ShouldBeInRange(24, 64);
        return (created.GetProperty("id").GetGuid(), secret);
    }

    private async Task<string> PlaceAsync(string tag)
    {
        var response = await OrderHubApp.PlaceOrderAsync(Client, Infrastructure.Orders.ValidBody(email: $"hook-{tag}-{Guid.NewGuid():N}@example.com"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
        for (var sweep = 0; sweep < 3; sweep++)
        {
            await fixture.App.DispatchOutboxAsync();
        }

        return number;
    }

    private async Task<JsonElement> DeliveryAsync(Guid subscription, string number, bool attempts = false)
    {
        var list = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries?attempts={(attempts ? "true" : "false")}", Ct);
        return list.EnumerateArray().Single(d => d.GetProperty("subject").GetString() == number);
    }

    private async Task SendAllAsync()
    {
        var job = fixture.App.Services.GetRequiredService<SendWebhooksJob>();
        for (var run = 0; run < 5 && await job.RunAsync(Ct) > 0; run++)
        {
        }
    }

    /// <summary>A second host on the same database whose clock runs ahead: the sender as it would run later.</summary>
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Later(TimeSpan ahead)
    {
        var clock = new ShiftingClock();
        clock.Advance(ahead);
        return Later(clock);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Later(ShiftingClock clock) =>
        fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    private static async Task ScanAsync(ShippingScenario scenario, JsonElement shipment, string status, DateTimeOffset at)
    {
        var response = await scenario.WebhookAsync("/api/v1/shipping/tracking-events", new
        {
            carrier = shipment.GetProperty("carrier").GetString(),
            trackingNumber = shipment.GetProperty("trackingNumber").GetString(),
            status,
            at,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>
    /// Every integration event already dispatched that names <paramref name="orderNumber"/>, handed to the Notifications
    /// handlers a second time (as a redelivery after a lost acknowledgement would); how many events.
    /// </summary>
    private Task<int> RedeliverToNotificationsAsync(string orderNumber) => fixture.App.InScopeAsync(async sp =>
    {
        var events = new List<IntegrationEvent>();
        foreach (var module in sp.GetServices<ModuleDatabase>())
        {
            var db = (ModuleDbContext)sp.GetRequiredService(module.ContextType);
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt != null).ToListAsync(Ct);
            events.AddRange(rows
                .Where(r => r.Payload.Contains(orderNumber, StringComparison.Ordinal) && IntegrationEventTypes.Resolve(r.Type) is { } t && typeof(IntegrationEvent).IsAssignableFrom(t))
                .Select(r => (IntegrationEvent)JsonSerializer.Deserialize(r.Payload, IntegrationEventTypes.Resolve(r.Type)!, IntegrationEventTypes.JsonOptions)!));
        }

        foreach (var e in events)
        {
            var handlerType = typeof(INotificationHandler<>).MakeGenericType(e.GetType());
            var handle = handlerType.GetMethod("Handle")!;
            foreach (var handler in sp.GetServices(handlerType).Where(h => h!.GetType().Namespace!.StartsWith("OrderHub.Modules.Notifications", StringComparison.Ordinal)))
            {
                await (ValueTask)handle.Invoke(handler, [e, Ct])!;
            }
        }

        return events.Count;
    });
}

public sealed class SqliteWebhookDeliveryTests(SqliteWebhookHostFixture fixture) : WebhookDeliveryTests(fixture), IClassFixture<SqliteWebhookHostFixture>;

public sealed class PostgresWebhookDeliveryTests(PostgresWebhookHostFixture fixture) : WebhookDeliveryTests(fixture), IClassFixture<PostgresWebhookHostFixture>;

/// <summary>A host that may post webhooks to loopback (<c>OrderHub:Webhooks:AllowPrivateTargets</c>), with a receiver there.</summary>
public abstract class WebhookHostFixture : HostFixture
{
    public WebhookReceiver? Receiver { get; private set; }

    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync()
    {
        var (database, reason) = await CreateWebhookDatabaseAsync();
        if (database is not null)
        {
            Receiver = await WebhookReceiver.StartAsync();
        }

        return (database, reason);
    }

    protected abstract Task<(TestDatabase?, string?)> CreateWebhookDatabaseAsync();

    protected override OrderHubApp CreateApp(TestDatabase database) => new(database, new Dictionary<string, string?>
    {
        ["OrderHub:Webhooks:AllowPrivateTargets"] = "true",
        ["OrderHub:Webhooks:TimeoutSeconds"] = "5",
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebhookHostFixture : WebhookHostFixture
{
    protected override Task<(TestDatabase?, string?)> CreateWebhookDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));
}

public sealed class PostgresWebhookHostFixture : WebhookHostFixture
{
    protected override async Task<(TestDatabase?, string?)> CreateWebhookDatabaseAsync() =>
        TestDatabase.PostgresServer is { } server
            ? (await TestDatabase.CreatePostgresAsync(server), null)
            : (null, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to an admin connection string (.ci/run starts one).");
}
