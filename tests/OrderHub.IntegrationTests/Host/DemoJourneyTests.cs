using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>The first command of the README: a fresh demo shows orders at every stage of the journey, once.</summary>
public sealed class DemoJourneyTests
{
    private static readonly Dictionary<string, string?> WithDemoOrders = new() { ["OrderHub:DemoData:Orders"] = "true" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_demo_has_orders_from_on_hold_to_delivered_and_a_restart_adds_none()
    {
        await using var database = TestDatabase.CreateSqlite();
        string[] first;
        await using (var app = new OrderHubApp(database, WithDemoOrders))
        {
            first = await StatusesAsync(app);
            first.Distinct().Order().ShouldBe(["Cancelled", "Delivered", "OnHold", "Packed", "Picking", "ReadyToFulfill", "Shipped"]);
            first.Count(s => s == "Delivered").ShouldBe(2); // by a carrier, and carried out at the counter
            var packedOrders = await OrdersAtAsync(app, "Packed");
            var shipmentsOfPacked = new List<JsonElement>();
            foreach (var packed in packedOrders)
            {
                var fulfillment = (await app.CreateApiClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{packed}/fulfillments", Ct)).EnumerateArray().Single();
                fulfillment.GetProperty("packages").GetArrayLength().ShouldBeGreaterThan(0);
                shipmentsOfPacked.AddRange((await app.CreateApiClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{packed}", Ct)).GetProperty("shipments").EnumerateArray());
            }

            // Two packed orders are labelled; the club's is packed ahead and waits for its day without a label.
            shipmentsOfPacked.Select(s => s.GetProperty("status").GetString()).ShouldBe(["LabelCreated", "LabelCreated"]);
            packedOrders.Count.ShouldBe(3);
            var clubDay = (await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/shipping/releases", Ct)).EnumerateArray().ShouldHaveSingleItem();
            (clubDay.GetProperty("waiting").GetInt32(), clubDay.GetProperty("isDue").GetBoolean()).ShouldBe((1, false));
            var shipped = await app.CreateApiClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{await OrderAtAsync(app, "Shipped")}", Ct);
            var capture = shipped.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("type").GetString() == "Capture");
            capture.GetProperty("amount").GetDecimal().ShouldBe(shipped.GetProperty("totals").GetProperty("total").GetDecimal());
        }

        await using var restarted = new OrderHubApp(database, WithDemoOrders);
        (await StatusesAsync(restarted)).Length.ShouldBe(first.Length);
    }

    [Fact]
    public async Task A_demo_started_in_a_season_too_hot_or_cold_for_wine_shows_its_shipments_held_and_still_starts()
    {
        await using var database = TestDatabase.CreateSqlite();
        var everywhereTooCold = new Dictionary<string, string?>(WithDemoOrders)
        {
            ["OrderHub:Shipping:Weather:MinF"] = "150",
            ["OrderHub:Shipping:Weather:MaxF"] = "200",
        };
        await using var app = new OrderHubApp(database, everywhereTooCold);

        var statuses = await StatusesAsync(app);

        statuses.ShouldNotContain("Shipped");
        statuses.Count(s => s == "Packed").ShouldBe(5); // labelled by no carrier: each waits for the weather (and one for the club's day)
        var heldForWeather = 0;
        foreach (var packed in await OrdersAtAsync(app, "Packed"))
        {
            var order = await app.CreateApiClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{packed}", Ct);
            heldForWeather += order.GetProperty("timeline").EnumerateArray().Any(t => t.GetProperty("event").GetString() == "WeatherHold") ? 1 : 0;
        }

        heldForWeather.ShouldBe(4); // the club's waits for its day first
    }

    private static async Task<string[]> StatusesAsync(OrderHubApp app)
    {
        var page = await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("status").GetString()!)];
    }

    private static async Task<List<Guid>> OrdersAtAsync(OrderHubApp app, string status)
    {
        var page = await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("status").GetString() == status).Select(o => o.GetProperty("id").GetGuid())];
    }

    private static async Task<Guid> OrderAtAsync(OrderHubApp app, string status)
    {
        var page = await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=100", Ct);
        return page.GetProperty("items").EnumerateArray().First(o => o.GetProperty("status").GetString() == status).GetProperty("id").GetGuid();
    }
}
