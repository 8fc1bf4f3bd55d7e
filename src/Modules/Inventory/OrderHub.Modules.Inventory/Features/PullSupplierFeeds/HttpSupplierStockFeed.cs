using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

namespace OrderHub.Modules.Inventory.Features.PullSupplierFeeds;

/// <summary>
/// The HTTP JSON adapter: <c>GET {Url}</c> with <c>Authorization: Bearer {ApiToken}</c> (when set); a 2xx answer
/// <c>{ asOf, items: [ { sku, quantity } ] }</c> is the supplier's stock. Anything else throws (the next hourly pull
/// tries again; nothing is changed meanwhile).
/// </summary>
internal sealed class HttpSupplierStockFeed(HttpClient http, IOptions<SupplierFeedOptions> options) : ISupplierStockFeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SupplierStock?> ReadAsync(string locationCode, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.For(locationCode);
        if (endpoint is null)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.Url!));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrWhiteSpace(endpoint.ApiToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.ApiToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(endpoint.Timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Supplier {locationCode}'s stock feed answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}", null, response.StatusCode);
        }

        SupplierFeedBody? feed;
        try
        {
            feed = JsonSerializer.Deserialize<SupplierFeedBody>(body, Json);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"Supplier {locationCode}'s stock feed is not {{ asOf, items: [ {{ sku, quantity }} ] }}: {ex.Message}", ex);
        }

        return feed?.Items is null
            ? throw new HttpRequestException($"Supplier {locationCode}'s stock feed answered without items.")
            : new SupplierStock(feed.AsOf, feed.Items);
    }
}
