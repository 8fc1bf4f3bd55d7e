using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// The HTTP JSON adapter: <c>POST {BaseUrl}/purchase-orders</c> with the purchase order, <c>Authorization: Bearer
/// {ApiToken}</c> and <c>Idempotency-Key: {number}</c> (a resend is the same order to the supplier); a 2xx answer
/// <c>{ "reference": "…" }</c> is the acknowledgement. A 4xx other than 408 and 429 is a refusal; anything else (5xx,
/// timeouts, a refused connection) throws for the outbox to retry.
/// </summary>
internal sealed class HttpSupplierGateway(HttpClient http, IOptions<SupplierOptions> options) : ISupplierGateway
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> SendAsync(DropshipPurchaseOrder purchaseOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchaseOrder);
        var endpoint = options.Value.For(purchaseOrder.SupplierCode)
            ?? throw new InvalidOperationException($"{SupplierOptions.SectionName}:{purchaseOrder.SupplierCode}:BaseUrl is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.BaseUrl!.TrimEnd('/') + "/purchase-orders"))
        {
            Content = JsonContent.Create(SupplierPurchaseOrderMessage.From(purchaseOrder), options: Json),
        };
        if (!string.IsNullOrWhiteSpace(endpoint.ApiToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.ApiToken);
        }

        request.Headers.Add("Idempotency-Key", purchaseOrder.Number);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(endpoint.Timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        if (response.IsSuccessStatusCode)
        {
            var answer = JsonSerializer.Deserialize<SupplierAcknowledgementMessage>(body, Json);
            return string.IsNullOrWhiteSpace(answer?.Reference)
                ? throw new HttpRequestException($"Supplier {purchaseOrder.SupplierCode} answered {(int)response.StatusCode} without a reference; the purchase order is sent again.")
                : answer.Reference;
        }

        var status = (int)response.StatusCode;
        var detail = body.Length > 300 ? body[..300] : body;
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new SupplierRejectedException($"Supplier {purchaseOrder.SupplierCode} refused purchase order {purchaseOrder.Number} ({status}): {detail}");
        }

        throw new HttpRequestException(
            $"Supplier {purchaseOrder.SupplierCode} answered {status} to purchase order {purchaseOrder.Number}; it is sent again. {detail}", null, response.StatusCode);
    }
}

/// <summary>The purchase order as the supplier's order desk receives it.</summary>
internal sealed record SupplierPurchaseOrderMessage(
    Guid Id,
    string Number,
    string OrderNumber,
    DateTimeOffset IssuedAt,
    SupplierShipToMessage ShipTo,
    string ShippingService,
    bool AdultSignatureRequired,
    IReadOnlyList<SupplierPurchaseOrderLineMessage> Lines)
{
    public static SupplierPurchaseOrderMessage From(DropshipPurchaseOrder po) => new(
        po.Id, po.Number, po.OrderNumber, po.SentAt,
        new SupplierShipToMessage(po.RecipientName, po.ShipTo.Line1, po.ShipTo.Line2, po.ShipTo.City, po.ShipTo.Region, po.ShipTo.PostalCode, po.ShipTo.Country),
        po.ShippingService, po.AdultSignatureRequired,
        [.. po.Lines.OrderBy(l => l.LineNumber).Select(l => new SupplierPurchaseOrderLineMessage(l.LineNumber, l.Sku, l.Quantity))]);
}

internal sealed record SupplierShipToMessage(string Name, string Line1, string? Line2, string City, string Region, string PostalCode, string Country);

internal sealed record SupplierPurchaseOrderLineMessage(int LineNumber, string Sku, int Quantity);

/// <summary>The supplier's acknowledgement: its own reference for the order.</summary>
internal sealed record SupplierAcknowledgementMessage(string? Reference);
