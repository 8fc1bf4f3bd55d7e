using System.Globalization;
using Mediator;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.QuoteShippingCharge;

/// <summary>
/// The customer's shipping charge under the merchant's rule (<see cref="CheckoutChargeOptions"/>). Boxes are counted as a
/// winery packs a cart: up to <see cref="CheckoutChargeOptions.SmallBoxUnits"/> units in one small box, more in boxes of
/// <see cref="CheckoutChargeOptions.LargeBoxUnits"/>. Per box, the price is flat; by carrier rate, each box is weighed
/// (its units plus the shipper) and the cheapest carrier that may carry the cart prices the service from the origin,
/// from the staff's rate tables (never a carrier's API: a checkout does not wait on one). A carry-out costs nothing.
/// </summary>
internal sealed class QuoteShippingChargeHandler(IOptions<CheckoutChargeOptions> options, RateTableSource tables, CarrierCatalog catalog)
    : IQueryHandler<QuoteShippingChargeQuery, ShippingChargeDto>
{
    public const string UnknownServiceRule = "UnknownShippingService";
    public const string NoCarrierRule = "NoShippingRate";
    private const string Currency = Currencies.Usd;

    // The wine shippers Fulfillment packs six and twelve bottles in (outer size in cm, empty weight in grams).
    private static readonly ShippingParcel SmallShipper = new(1_500, 42, 31, 23);
    private static readonly ShippingParcel LargeShipper = new(2_600, 40, 32, 40);

    public async ValueTask<ShippingChargeDto> Handle(QuoteShippingChargeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rule = options.Value;
        if (string.Equals(query.Service, "Pickup", StringComparison.Ordinal))
        {
            return new ShippingChargeDto(0m, Currency, "carry-out");
        }

        if (!Enum.TryParse<ServiceLevel>(query.Service, ignoreCase: false, out var service) || !Enum.IsDefined(service))
        {
            throw new BusinessRuleViolationException(UnknownServiceRule, $"'{query.Service}' is not a shipping service: Ground, TwoDay, Overnight or Pickup.");
        }

        var boxes = Boxes(rule, query.Lines);
        if (boxes.Count == 0)
        {
            return new ShippingChargeDto(0m, Currency, "nothing to ship");
        }

        var subtotal = query.Lines.Sum(l => l.Quantity * l.UnitPrice);
        if (service == ServiceLevel.Ground && rule.FreeGroundFromSubtotal is { } threshold && subtotal >= threshold)
        {
            return new ShippingChargeDto(0m, Currency, $"free Ground from {Money(threshold)}");
        }

        return rule.Basis == CheckoutChargeBasis.PerBox
            ? PerBox(rule, service, boxes)
            : await ByCarrierRateAsync(rule, service, boxes, query, cancellationToken);
    }

    private static ShippingChargeDto PerBox(CheckoutChargeOptions rule, ServiceLevel service, IReadOnlyList<Box> boxes)
    {
        var small = boxes.Count == 1 && boxes[0].Small;
        var perBox = small ? rule.SmallBoxPrice : rule.LargeBoxPrice;
        var multiplier = service switch
        {
            ServiceLevel.TwoDay => rule.TwoDayMultiplier,
            ServiceLevel.Overnight => rule.OvernightMultiplier,
            _ => 1m,
        };
        var amount = Math.Round(boxes.Count * perBox * multiplier, 2, MidpointRounding.AwayFromZero);
        var basis = $"{boxes.Count} {(small ? "small" : "large")} box{(boxes.Count == 1 ? string.Empty : "es")} x {Money(perBox)}"
            + (multiplier == 1m ? string.Empty : $" x {multiplier.ToString("0.##", CultureInfo.InvariantCulture)}") + $" ({service})";
        return new ShippingChargeDto(amount, Currency, basis);
    }

    private async Task<ShippingChargeDto> ByCarrierRateAsync(
        CheckoutChargeOptions rule, ServiceLevel service, IReadOnlyList<Box> boxes, QuoteShippingChargeQuery query, CancellationToken cancellationToken)
    {
        var wine = query.Lines.Any(l => l.IsAlcohol && l.Quantity > 0);
        var request = new RateRequest(
            new Address(string.Empty, null, string.Empty, rule.OriginRegion!, rule.OriginPostalCode!, "US"),
            new Address(string.Empty, null, string.Empty, query.To.Region.Trim().ToUpperInvariant(), query.To.PostalCode.Trim(), query.To.Country),
            [.. boxes.Select(b => b.Parcel)],
            wine,
            AdultSignature: wine);
        CarrierRate? cheapest = null;
        foreach (var table in await tables.AllAsync(cancellationToken))
        {
            if (wine && !catalog.CanCarryAlcohol(table.Carrier))
            {
                continue;
            }

            foreach (var rate in RateCalculator.Rate(table, request))
            {
                if (rate.Service == service && (cheapest is null || rate.Amount < cheapest.Amount))
                {
                    cheapest = rate;
                }
            }
        }

        if (cheapest is null)
        {
            throw new BusinessRuleViolationException(
                NoCarrierRule,
                $"No carrier{(wine ? " that may carry wine" : string.Empty)} offers {service} from {rule.OriginPostalCode} to {query.To.PostalCode}: choose another service.");
        }

        var amount = Math.Round(cheapest.Amount * (1 + (rule.MarkupPercent / 100m)), 2, MidpointRounding.AwayFromZero);
        var markup = rule.MarkupPercent == 0 ? string.Empty : $" + {rule.MarkupPercent.ToString("0.##", CultureInfo.InvariantCulture)} %";
        return new ShippingChargeDto(amount, Currency, $"{cheapest.ServiceName}, {boxes.Count} box{(boxes.Count == 1 ? string.Empty : "es")}: {Money(cheapest.Amount)}{markup}");
    }

    /// <summary>The cart's boxes, each with its units' weight; empty when there is nothing to ship.</summary>
    private static List<Box> Boxes(CheckoutChargeOptions rule, IReadOnlyList<ShippingChargeLine> lines)
    {
        var units = new List<int>(); // the weight of each unit, in the cart's order
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Quantity; i++)
            {
                units.Add(Math.Max(0, line.WeightGrams));
            }
        }

        if (units.Count == 0)
        {
            return [];
        }

        if (units.Count <= rule.SmallBoxUnits)
        {
            return [new Box(true, SmallShipper with { WeightGrams = SmallShipper.WeightGrams + units.Sum() })];
        }

        return [.. units.Chunk(rule.LargeBoxUnits).Select(c => new Box(false, LargeShipper with { WeightGrams = LargeShipper.WeightGrams + c.Sum() }))];
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record Box(bool Small, ShippingParcel Parcel);
}
