using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Shipping.Contracts.Queries;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>
/// Prices lines from the catalog (a read through Inventory's contracts), adds the shipping charge (a Shipping quote: the
/// merchant's charging rule is Shipping's) and destination tax.
/// </summary>
internal sealed class OrderPricing(ISender sender)
{
    public async Task<PricedOrder> PriceAsync(
        IReadOnlyList<(string Sku, int Quantity)> lines, ShippingService service, Address destination, CancellationToken cancellationToken)
    {
        var (products, currency) = await CatalogAsync(lines, cancellationToken);
        var priced = lines.Select(l =>
        {
            var p = products[l.Sku];
            return new PricedLine(l.Sku, l.Quantity, p.Price, p.IsAlcohol, p.VolumeMl ?? 0);
        }).ToList();
        var subtotal = priced.Sum(l => l.Quantity * l.UnitPrice);
        var shipping = await sender.Send(
            new QuoteShippingChargeQuery(
                service.ToString(),
                new ShippingChargeDestination(destination.Country, destination.Region, destination.PostalCode),
                [.. lines.Select(l => new ShippingChargeLine(l.Quantity, products[l.Sku].Price, products[l.Sku].WeightGrams, products[l.Sku].IsAlcohol))]),
            cancellationToken);
        var tax = await sender.Send(
            new CalculateTaxQuery(destination.Country, destination.Region, subtotal, shipping.Amount,
                [.. priced.Select(l => new TaxLine(l.Sku, l.Quantity, l.UnitPrice, l.IsAlcohol, l.VolumeMl))]),
            cancellationToken);
        if ((shipping.Amount > 0 && currency != shipping.Currency) || (tax.Total > 0 && currency != tax.Currency))
        {
            throw new BusinessRuleViolationException(
                "CurrencyMismatch",
                $"The lines are priced in {currency}, but shipping and tax are charged in {shipping.Currency}; one order has one currency: price these products in {shipping.Currency}.");
        }

        return new PricedOrder(priced, currency, shipping.Amount, tax.Total);
    }

    /// <summary>
    /// Lines sent at no charge (<see cref="OrderPricingMode.NoCharge"/>, a reship): the catalog still names the SKUs and
    /// the facts the law counts (alcohol, bottle size), in the catalog's currency, but unit prices, shipping and tax are 0.
    /// </summary>
    public async Task<PricedOrder> PriceAtNoChargeAsync(IReadOnlyList<(string Sku, int Quantity)> lines, CancellationToken cancellationToken)
    {
        var (products, currency) = await CatalogAsync(lines, cancellationToken);
        return new PricedOrder(
            [.. lines.Select(l => new PricedLine(l.Sku, l.Quantity, 0m, products[l.Sku].IsAlcohol, products[l.Sku].VolumeMl ?? 0))], currency, 0m, 0m);
    }

    /// <summary>The lines' products and their one currency; an unknown SKU, mixed or unknown currencies are 422.</summary>
    private async Task<(Dictionary<string, ProductInfoDto> Products, string Currency)> CatalogAsync(
        IReadOnlyList<(string Sku, int Quantity)> lines, CancellationToken cancellationToken)
    {
        var skus = lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var products = (await sender.Send(new GetProductsBySkuQuery(skus), cancellationToken)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var unknown = skus.Where(s => !products.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new BusinessRuleViolationException("UnknownSku", $"Unknown SKU(s): {string.Join(", ", unknown)}.");
        }

        // The order's currency is its lines' (the catalog prices them): one currency per order, and it must be the currency
        // of what OrderHub adds to the lines (shipping, US tax), or the total would add EUR to USD.
        var currencies = products.Values.Select(p => p.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            throw new BusinessRuleViolationException("MixedCurrencies", $"Lines are priced in {string.Join(" and ", currencies)}; one order has one currency.");
        }

        var currency = currencies[0];
        if (!Currencies.IsActive(currency))
        {
            throw new BusinessRuleViolationException("UnknownCurrency", $"The lines are priced in '{currency}', which is not an active ISO 4217 currency.");
        }

        return (products, currency);
    }
}

internal sealed record PricedOrder(IReadOnlyList<PricedLine> Lines, string Currency, decimal Shipping, decimal Tax);

/// <summary>How an order's lines and shipping are charged; only the server chooses (never a request body).</summary>
internal enum OrderPricingMode
{
    /// <summary>The catalog's prices, the checkout shipping charge and tax: every channel's orders.</summary>
    Catalog,

    /// <summary>Nothing is charged: a replacement staff send for a shipped order (Features/ReshipOrder).</summary>
    NoCharge,
}
