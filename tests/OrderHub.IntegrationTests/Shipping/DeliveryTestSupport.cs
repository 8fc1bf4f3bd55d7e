using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.BuyLabel;
using OrderHub.Modules.Shipping.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>Set-up shared by the delivery, ship-on and weather tests.</summary>
internal static class DeliveryTestSupport
{
    public const string Napa = "NAPA-WH";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A LabelPending shipment from Napa with its BuyLabel step queued, as a packed fulfillment makes it.</summary>
    public static Task<Guid> NewShipmentAsync(OrderHubApp app, string region, string postalCode, bool wine, ServiceLevel service = ServiceLevel.Ground) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShippingDbContext>();
            var shipment = Shipment.Create(
                new NewShipment(
                    Guid.NewGuid(), "OH-DLV-" + Guid.NewGuid().ToString("N")[..6], Guid.NewGuid(), Napa, "order:test", "Dana Reyes",
                    new Address("1 Main St", null, "Springfield", region, postalCode, "US"), service, ContainsAlcohol: wine, AdultSignatureRequired: wine,
                    [new NewShipmentPackage(Guid.NewGuid(), 9000, 37, 26, 22)], [(1, "CAB-2021", 6)]),
                DateTimeOffset.UtcNow);
            db.Shipments.Add(shipment);
            db.AddInternalCommand(new BuyLabel(shipment.Id));
            await db.SaveChangesAsync(Ct);
            return shipment.Id;
        });

    public static async Task<JsonElement> ShipmentAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/shipments/{id}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task SettleAsync(OrderHubApp app)
    {
        for (var sweep = 0; sweep < 6; sweep++)
        {
            await app.DispatchOutboxAsync();
        }
    }

    /// <summary>Picks and packs an order's one fulfillment at Napa and lets the outbox run; the shipment's id.</summary>
    public static async Task<Guid> PackAsync(OrderHubApp app, HttpClient client, Guid order) => (await PackAsync(app, client, [order], shipOn: null)).Single();

    /// <summary>
    /// Picks the orders' fulfillments at Napa in one wave, packs each (to ship on <paramref name="shipOn"/>, when given) and
    /// lets the outbox run; their shipments' ids, in the orders' order.
    /// </summary>
    public static async Task<List<Guid>> PackAsync(OrderHubApp app, HttpClient client, IReadOnlyList<Guid> orders, DateOnly? shipOn)
    {
        var list = await PostAsync(client, "/api/v1/pick-lists", new { locationCode = Napa, maxOrders = 500 });
        list.StatusCode.ShouldBe(HttpStatusCode.Created, await list.Content.ReadAsStringAsync(Ct));
        var listId = (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SettleAsync(app);
        (await client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync(app);
        var fulfillments = new List<Guid>();
        foreach (var order in orders)
        {
            var fulfillment = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single().GetProperty("id").GetGuid();
            var packed = await PostAsync(client, $"/api/v1/fulfillments/{fulfillment}/pack", shipOn is null ? new { } : (object)new { shipOn });
            packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
            fulfillments.Add(fulfillment);
        }

        await SettleAsync(app);
        // A held or waiting shipment is not on the order yet (Orders lists shipments from their first status): found by its fulfillment.
        var shipments = await app.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Shipments
            .Where(s => fulfillments.Contains(s.FulfillmentId)).Select(s => new { s.Id, s.FulfillmentId }).ToListAsync(Ct));
        return [.. fulfillments.Select(f => shipments.Single(s => s.FulfillmentId == f).Id)];
    }

    /// <summary>How far the clock must move from now to the next <paramref name="day"/> at 17:00 UTC (10:00 in Napa).</summary>
    public static TimeSpan UntilNext(DayOfWeek day)
    {
        var now = DateTimeOffset.UtcNow;
        var days = ((int)day - (int)now.DayOfWeek + 7) % 7;
        days = days == 0 ? 7 : days;
        return new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(days).AddHours(17) - now;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }
}
