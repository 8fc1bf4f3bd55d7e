using System.Net.Http.Json;
using System.Text.Json;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>Stock as an integrator reads it through <c>GET /api/v1/inventory/{sku}</c>.</summary>
public static class Stock
{
    /// <summary>Units of the SKU held by reservations, over all locations.</summary>
    public static async Task<int> ReservedAsync(HttpClient client, string sku)
    {
        var stock = await client.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/{sku}", TestContext.Current.CancellationToken);
        return stock.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("reserved").GetInt32());
    }
}
