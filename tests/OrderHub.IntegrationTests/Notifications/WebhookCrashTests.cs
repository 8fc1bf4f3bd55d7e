using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Features.SendWebhooks;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// A host stopped between commit and send loses no webhook: one order's event was committed to the Orders outbox but
/// never dispatched, another's delivery was queued but never posted, when the host went away (disposed, its sender never
/// run). A new host on the same database dispatches and sends, and the receiver gets each event once, with a valid
/// signature; running the sender again sends nothing more.
/// </summary>
public sealed class WebhookCrashTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new() { ["OrderHub:Webhooks:AllowPrivateTargets"] = "true" };
    private static readonly string[] OrderReceived = ["order.received"];
    private TestDatabase? _database;
    private WebhookReceiver? _receiver;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _receiver = await WebhookReceiver.StartAsync();
    }

    [Fact]
    public async Task Events_committed_before_the_host_stopped_are_delivered_once_by_the_next_host()
    {
        string secret, queued, undispatched;
        await using (var first = new OrderHubApp(_database!, Settings))
        {
            var client = first.CreateApiClient();
            var created = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = _receiver!.BaseUrl + "/crash", events = OrderReceived }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
            secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString()!;
            queued = await PlaceAsync(client);
            for (var sweep = 0; sweep < 3; sweep++)
            {
                await first.DispatchOutboxAsync(); // the delivery is queued (committed) ...
            }

            undispatched = await PlaceAsync(client); // ... and this order's event is only in the Orders outbox
        } // the host stops: its sender never ran

        _receiver!.At("/crash").ShouldBeEmpty();
        await using (var second = new OrderHubApp(_database!, Settings))
        {
            for (var sweep = 0; sweep < 3; sweep++)
            {
                await second.DispatchOutboxAsync();
            }

            var job = second.Services.GetRequiredService<SendWebhooksJob>();
            (await job.RunAsync(Ct)).ShouldBe(2);
            (await job.RunAsync(Ct)).ShouldBe(0);
        }

        var hits = _receiver.At("/crash");
        hits.Count.ShouldBe(2);
        hits.ShouldAllBe(h => WebhookReceiver.SignatureIsValid(h, secret) && h.Type == "order.received");
        hits.Select(h => h.Data.GetProperty("number").GetString()).Order(StringComparer.Ordinal).ShouldBe(new[] { queued, undispatched }.Order(StringComparer.Ordinal));
    }

    private static async Task<string> PlaceAsync(HttpClient client)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: $"crash-{Guid.NewGuid():N}@example.com"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
