using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>Set-up helpers that go through the public HTTP API, as an integrator would.</summary>
internal static class InventoryApi
{
    public static string NewSku(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..24].ToUpperInvariant();

    public static async Task CreateProductAsync(HttpClient client, string sku, object? components = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/products", new
        {
            sku,
            name = "Test wine " + sku,
            price = 42.5m,
            currency = "USD",
            weightGrams = 1400,
            isAlcohol = true,
            varietal = "Merlot",
            vintage = 2021,
            volumeMl = 750,
            unitsPerCase = 12,
            components,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task ReceiveAsync(HttpClient client, string sku, int quantity, string location = "NAPA-WH", string? lot = null, string? bin = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { locationCode = location, sku, quantity, lot, bin });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> AvailabilityAsync(HttpClient client, string sku) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/{sku}");

    /// <summary>(onHand, reserved, available) of a SKU at one location (zeros when absent).</summary>
    public static async Task<(int OnHand, int Reserved, int Available)> AtAsync(HttpClient client, string sku, string location)
    {
        var stock = await AvailabilityAsync(client, sku);
        foreach (var l in stock.GetProperty("locations").EnumerateArray())
        {
            if (l.GetProperty("locationCode").GetString() == location)
            {
                return (l.GetProperty("onHand").GetInt32(), l.GetProperty("reserved").GetInt32(), l.GetProperty("available").GetInt32());
            }
        }

        return (0, 0, 0);
    }

    public static Task<T> SendAsync<T>(OrderHubApp app, ICommand<T> command) =>
        app.InScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(command));

    public static Task<T> SendAsync<T>(OrderHubApp app, IQuery<T> query) =>
        app.InScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(query));

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement;
    }
}
