using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Security;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Features.SendWebhooks;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The server-side request forgery guard, on a host with <c>OrderHub:Webhooks:AllowPrivateTargets</c> false (the
/// default): loopback, private, link-local (the cloud metadata address) and a DNS name resolving to loopback are refused
/// with a 400 problem naming the url; so is http and a relative URL. A target that gets past the subscription check (a
/// name re-pointed later: here a row written straight to the table) is refused again when the sender connects, and the
/// attempt says why; the receiver never hears of it.
/// </summary>
public sealed class WebhookTargetGuardTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly string[] OrderReceived = ["order.received"];
    private static readonly string[] Teleported = ["order.teleported"];
    private static readonly string[] LowStock = ["inventory.low_stock"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://127.0.0.1/hook", "private or loopback")]
    [InlineData("https://10.0.0.5/hook", "private or loopback")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "private or loopback")]
    [InlineData("https://localhost/hook", "private or loopback")]
    [InlineData("https://[::1]/hook", "private or loopback")]
    [InlineData("https://192.168.1.20/hook", "private or loopback")]
    [InlineData("http://example.com/hook", "https")]
    [InlineData("/relative/hook", "absolute https")]
    [InlineData("ftp://example.com/hook", "absolute https")]
    public async Task A_private_loopback_or_non_https_target_is_refused_with_a_400_problem(string url, string says)
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PostAsJsonAsync("/api/v1/webhooks", new { url, events = OrderReceived }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Single().Name.ShouldBe("url", StringCompareShould.IgnoreCase);
        errors.EnumerateObject().Single().Value[0].GetString()!.ShouldContain(says);
    }

    [Fact]
    public async Task Unknown_events_no_events_and_a_client_without_the_webhooks_scope_are_refused()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        (await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = Teleported }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = Array.Empty<string>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/v1/webhooks", JsonContent.Create(new { }), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var limited = fixture.App.CreateApiClient(await ApiClients.CreateAsync(fixture.App, ApiScopes.OrdersRead));
        (await limited.GetAsync("/api/v1/webhooks", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await limited.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = OrderReceived }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_public_https_target_is_taken_and_a_target_re_pointed_at_loopback_is_refused_when_sending()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = LowStock }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        (await client.DeleteAsync($"/api/v1/webhooks/{(await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var receiver = await WebhookReceiver.StartAsync();
        var deliveryId = await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            var subscription = WebhookSubscription.Create(receiver.BaseUrl + "/sneaky", ["order.received"], null, "test", DateTimeOffset.UtcNow);
            var delivery = WebhookDelivery.Queue(subscription.Id, "order.received", Guid.NewGuid(), "SNEAKY", "{}", DateTimeOffset.UtcNow.AddMinutes(-1));
            db.AddRange(subscription, delivery);
            await db.SaveChangesAsync(Ct);
            return delivery.Id;
        });
        await fixture.App.Services.GetRequiredService<SendWebhooksJob>().RunAsync(Ct);

        receiver.At("/sneaky").ShouldBeEmpty();
        var attempt = await fixture.App.InScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<NotificationsDbContext>().WebhookAttempts.Single(a => a.DeliveryId == deliveryId)));
        attempt.StatusCode.ShouldBeNull();
        attempt.Response.ShouldContain("Refused");
        attempt.Response.ShouldContain("127.0.0.1");
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.16.4.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("93.184.215.14", false)]
    [InlineData("2606:2800:220:1::248", false)]
    public void The_guard_knows_which_addresses_are_private(string address, bool forbidden) =>
        WebhookTargetGuard.IsForbidden(IPAddress.Parse(address)).ShouldBe(forbidden);
}
