using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Orders.Features.MarketplaceOrders;

/// <summary>
/// Commerce7 adapter (carriers.md): <c>GET {BaseUrl}/order?cursor=start</c> with Basic appId:appSecret and a
/// <c>tenant</c> header, answering <c>{ orders: [...], cursor }</c>. The order shape mapped here (customer.emails,
/// shipTo.stateCode/zipCode/countryCode, items[].sku/quantity) follows Commerce7's public docs and is not verified
/// against a live tenant. Orders come without a card token (Commerce7 took the payment), so placement holds them for payment.
/// </summary>
internal sealed class Commerce7OrderSource(HttpClient http, IOptions<Commerce7Options> options) : IMarketplaceOrderSource
{
    public const string SourceName = "commerce7";

    public string Name => SourceName;

    public async Task<MarketplaceOrderPage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var url = $"{o.BaseUrl.TrimEnd('/')}/order?cursor={Uri.EscapeDataString(cursor ?? "start")}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AppId}:{o.AppSecret}")));
        request.Headers.Add("tenant", o.Tenant);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        Commerce7OrderList? page;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new MarketplaceSourceException(
                    $"Commerce7 answered {(int)response.StatusCode} to GET /order: {(body.Length > 500 ? body[..500] : body)}");
            }

            page = await response.Content.ReadFromJsonAsync<Commerce7OrderList>(JsonSerializerOptions.Web, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException)
        {
            throw new MarketplaceSourceException($"Commerce7 could not be read: {ex.Message}", ex);
        }

        var orders = (page?.Orders ?? []).Where(x => !string.IsNullOrWhiteSpace(x.Id)).Select(ToOrder).ToList();
        return new MarketplaceOrderPage(orders, string.IsNullOrWhiteSpace(page?.Cursor) ? null : page.Cursor);
    }

    internal static MarketplaceOrder ToOrder(Commerce7Order order)
    {
        var customer = order.Customer;
        var shipTo = order.ShipTo;
        // Commerce7 charged a "Paid" order itself: OrderHub records it as prepaid instead of holding it for a card.
        var paid = string.Equals(order.PaymentStatus, "Paid", StringComparison.OrdinalIgnoreCase);
        return new MarketplaceOrder(new PlaceOrderRequest
        {
            Channel = nameof(OrderChannel.Marketplace),
            ExternalReference = order.Id,
            Customer = new CustomerInput(
                customer?.Emails?.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.Email))?.Email ?? customer?.Email,
                customer?.FirstName ?? shipTo?.FirstName,
                customer?.LastName ?? shipTo?.LastName,
                BirthDate(customer?.BirthDate),
                customer?.Phones is { Count: > 0 } phones ? phones[0].Phone : null),
            ShippingAddress = shipTo is null
                ? null
                : new AddressInput(shipTo.Address, shipTo.Address2, shipTo.City, shipTo.StateCode, shipTo.ZipCode, shipTo.CountryCode ?? "US"),
            Lines = [.. (order.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Sku)).Select(i => new LineInput(i.Sku, i.Quantity))],
            Payment = paid ? new PaymentInput("Marketplace", PrepaidTokens.For(SourceName, order.Id!)) : null,
        }, paid);
    }

    private static DateOnly? BirthDate(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

internal sealed record Commerce7OrderList(IReadOnlyList<Commerce7Order>? Orders, string? Cursor);

internal sealed record Commerce7Order(
    string? Id, int? OrderNumber, string? Channel, string? PaymentStatus, Commerce7Customer? Customer, Commerce7Address? ShipTo, IReadOnlyList<Commerce7Item>? Items);

internal sealed record Commerce7Customer(
    string? FirstName, string? LastName, string? Email, IReadOnlyList<Commerce7Email>? Emails, IReadOnlyList<Commerce7Phone>? Phones, string? BirthDate);

internal sealed record Commerce7Email(string? Email);

internal sealed record Commerce7Phone(string? Phone);

internal sealed record Commerce7Address(
    string? FirstName, string? LastName, string? Address, string? Address2, string? City, string? StateCode, string? ZipCode, string? CountryCode);

internal sealed record Commerce7Item(string? Sku, int Quantity);
