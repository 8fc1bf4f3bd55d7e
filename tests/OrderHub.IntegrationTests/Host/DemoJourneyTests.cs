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
    public async Task A_fresh_demo_has_orders_from_on_hold_to_packed_and_a_restart_adds_none()
    {
        await using var database = TestDatabase.CreateSqlite();
        string[] first;
        await using (var app = new OrderHubApp(database, WithDemoOrders))
        {
            first = await StatusesAsync(app);
            first.Distinct().Order().ShouldBe(["Cancelled", "Delivered", "OnHold", "Packed", "Picking", "ReadyToFulfill"]);
            var packed = await PackedOrderAsync(app);
            var fulfillment = (await app.CreateApiClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{packed}/fulfillments", Ct)).EnumerateArray().Single();
            fulfillment.GetProperty("packages").GetArrayLength().ShouldBeGreaterThan(0);
        }

        await using var restarted = new OrderHubApp(database, WithDemoOrders);
        (await StatusesAsync(restarted)).Length.ShouldBe(first.Length);
    }

    private static async Task<string[]> StatusesAsync(OrderHubApp app)
    {
        var page = await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("status").GetString()!)];
    }

    private static async Task<Guid> PackedOrderAsync(OrderHubApp app)
    {
        var page = await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/orders?pageSize=100", Ct);
        return page.GetProperty("items").EnumerateArray().First(o => o.GetProperty("status").GetString() == "Packed").GetProperty("id").GetGuid();
    }
}
