using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// Orders brought to labelled shipments through the API alone (as <see cref="ShipmentJourneyTests"/> does: placed,
/// picked, packed, label bought by the outbox), and the signed carrier webhooks, for the manifest, void, pickup and
/// tracking-format tests. On a host fixture (in-memory server), or on any host given its API client, a client for the
/// carriers' webhooks (no API key) and the dispatcher's sweep (a browser test's host on a real port).
/// </summary>
internal sealed class ShippingScenario(Func<HttpClient> apiClient, Func<HttpClient> carrierClient, Func<Task> dispatchOutbox)
{
    public const string Napa = "NAPA-WH";

    public ShippingScenario(HostFixture fixture)
        : this(() => fixture.App.CreateApiClient(), () => fixture.App.Server.CreateClient(), () => fixture.App.DispatchOutboxAsync())
    {
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client => apiClient();

    /// <summary>Places <paramref name="count"/> wine orders shipped from Napa, picks and packs them; their shipments as the API shows them.</summary>
    public async Task<IReadOnlyList<JsonElement>> LabelledAsync(string prefix, int count = 1, string shippingService = "Ground")
    {
        var sku = await SourcingSetup.WineAsync(Client, prefix, (Napa, count * 2 + 2));
        var orders = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
            orders.Add(await SourcingSetup.PlaceReadyAsync(
                Client, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: 1, region: "CA", postalCode: "94558", shippingService: shippingService), Ct));
        }

        await SettleAsync();
        var list = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa, maxOrders = 500 });
        list.StatusCode.ShouldBe(HttpStatusCode.Created, await list.Content.ReadAsStringAsync(Ct));
        var listId = (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SettleAsync();
        (await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        foreach (var order in orders)
        {
            var fulfillment = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single().GetProperty("id").GetGuid();
            var packed = await PostAsync($"/api/v1/fulfillments/{fulfillment}/pack", new { });
            packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
        }

        await SettleAsync();
        var shipments = new List<JsonElement>();
        foreach (var order in orders)
        {
            var id = (await OrderAsync(order)).GetProperty("shipments").EnumerateArray().Single().GetProperty("id").GetGuid();
            var shipment = await ShipmentAsync(id);
            shipment.GetProperty("status").GetString().ShouldBe("LabelCreated");
            shipments.Add(shipment);
        }

        return shipments;
    }

    /// <summary>
    /// Places <paramref name="count"/> wine orders and ships them: labelled, then the carrier's InTransit scan, so each is
    /// Shipped, its stock committed and its payment captured. Their ids.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ShippedAsync(string prefix, int count = 1)
    {
        var shipments = await LabelledAsync(prefix, count);
        foreach (var shipment in shipments)
        {
            await ScanAsync(shipment, "InTransit", DateTimeOffset.UtcNow);
        }

        await SettleAsync();
        var orders = shipments.Select(s => s.GetProperty("orderId").GetGuid()).ToList();
        foreach (var order in orders)
        {
            (await OrderAsync(order)).GetProperty("status").GetString().ShouldBe("Shipped");
        }

        return orders;
    }

    /// <summary>A carrier's tracking scan of <paramref name="shipment"/> (as the API shows it), signed.</summary>
    public async Task ScanAsync(JsonElement shipment, string status, DateTimeOffset at)
    {
        var response = await WebhookAsync("/api/v1/shipping/tracking-events", new
        {
            carrier = shipment.GetProperty("carrier").GetString(),
            trackingNumber = shipment.GetProperty("trackingNumber").GetString(),
            status,
            at,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
    }

    public Task<JsonElement> OrderAsync(Guid order) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);

    public Task<JsonElement> ShipmentAsync(Guid id) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{id}", Ct);

    public async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await Client.SendAsync(request, Ct);
    }

    /// <summary>A carrier's webhook: <paramref name="body"/> posted to <paramref name="path"/>, signed under <paramref name="secret"/>.</summary>
    public Task<HttpResponseMessage> WebhookAsync(string path, object body, string secret = OrderHubApp.TrackingWebhookSecret)
    {
        var json = JsonSerializer.Serialize(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(json)));
        request.Headers.Add("X-OrderHub-Signature", $"sha256={signature}");
        return carrierClient().SendAsync(request, Ct);
    }

    public async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await dispatchOutbox();
        }
    }
}
