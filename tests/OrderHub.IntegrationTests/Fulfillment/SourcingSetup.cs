using System.Net;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>Set-up the sourcing tests share: a wine stocked at some locations, a ready order, the dispatcher's sweeps.</summary>
internal static class SourcingSetup
{
    /// <summary>A new wine SKU (1,400 g, alcohol) received at each location in the given quantity.</summary>
    public static async Task<string> WineAsync(HttpClient client, string prefix, params (string Location, int Quantity)[] stock)
    {
        var sku = InventoryApi.NewSku(prefix);
        await InventoryApi.CreateProductAsync(client, sku);
        foreach (var (location, quantity) in stock)
        {
            await InventoryApi.ReceiveAsync(client, sku, quantity, location);
        }

        return sku;
    }

    /// <summary>Places an order that must come out ReadyToFulfill; its id.</summary>
    public static async Task<Guid> PlaceReadyAsync(HttpClient client, object body, CancellationToken cancellationToken)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, body);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        using var placed = JsonDocument.Parse(text);
        placed.RootElement.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        return placed.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The dispatcher's sweeps: the ready event, the sourcing step, then Orders hearing of it.</summary>
    public static async Task SettleAsync(OrderHubApp app)
    {
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await app.DispatchOutboxAsync();
        }
    }
}
