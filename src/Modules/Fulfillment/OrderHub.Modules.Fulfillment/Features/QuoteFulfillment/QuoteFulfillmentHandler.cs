using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.QuoteFulfillment;

/// <summary>
/// Quotes a cart: reads what sourcing would read for an order (<see cref="SourcingInputs"/>, general stock only, since a
/// cart holds nothing) and runs the same <see cref="SourcingPlanner"/>. Nothing is reserved or saved.
/// <para>
/// <c>shippingCharge</c> is what the customer would pay for carriage: Shipping's checkout charge for the cart
/// (<see cref="QuoteShippingChargeQuery"/>), the same an order placed from the cart is charged. Each shipment of the plan
/// carries <c>estimatedCost</c>, what the planner reckons it costs the merchant (carriage by
/// <see cref="IShippingCostEstimator"/> plus the location's handling, in USD, as in the sourcing decision).
/// <c>estimatedDelivery</c> is the latest of the shipments' arrivals: each leaves on its location's ship day (its local
/// today, or the next business day once past its cut-off; UTC today for a location without settings) and takes the
/// service's business days in transit (<see cref="DeliveryEstimate"/>).
/// </para>
/// An unknown SKU is refused (422, rule <c>UnknownSku</c>), and so is a cart no set of locations can ship whole
/// (422, rule <c>NoShipFromLocation</c>, naming each location's reason), as its order would be held.
/// </summary>
internal sealed class QuoteFulfillmentHandler(SourcingInputs inputs, SourcingPlanner planner, ISender sender)
    : IQueryHandler<QuoteFulfillmentQuery, FulfillmentQuoteDto>
{
    public const string UnknownSkuRule = "UnknownSku";
    public const string NoShipFromLocationRule = "NoShipFromLocation";
    private const string Currency = "USD";

    public async ValueTask<FulfillmentQuoteDto> Handle(QuoteFulfillmentQuery query, CancellationToken cancellationToken)
    {
        var address = query.ShippingAddress!;
        var shipTo = new Address(
            address.Line1?.Trim() ?? string.Empty, address.Line2?.Trim(), address.City?.Trim() ?? string.Empty,
            address.Region!.Trim(), address.PostalCode!.Trim(), address.Country!);
        var input = await inputs.ReadAsync(
            [.. query.Lines!.Select((l, i) => (i + 1, l.Sku!, l.Quantity))], shipTo, query.Channel, reservationKey: null, cancellationToken);
        if (input.UnknownSkus.Count > 0)
        {
            throw new BusinessRuleViolationException(UnknownSkuRule, $"Unknown SKU(s): {string.Join(", ", input.UnknownSkus)}.");
        }

        var plan = planner.Plan(input.Request, input.Policy);
        if (!plan.IsComplete)
        {
            throw new BusinessRuleViolationException(NoShipFromLocationRule, plan.NotSourcedReason());
        }

        var charge = await sender.Send(
            new QuoteShippingChargeQuery(
                query.ShippingService ?? "Ground",
                new ShippingChargeDestination(shipTo.Country, shipTo.Region, shipTo.PostalCode),
                [.. query.Lines!.Select(l => ChargeLine(l, input.Products[l.Sku!]))]),
            cancellationToken);
        return new FulfillmentQuoteDto(
            [.. plan.Shipments.Select(s => new QuotedShipmentDto(
                s.LocationCode, [.. s.Lines.Select(l => new QuotedLineDto(l.Sku, l.Quantity))], new MoneyDto(s.EstimatedCost, Currency)))],
            new MoneyDto(charge.Amount, charge.Currency),
            plan.Shipments.Max(s => input.EstimatedDelivery(s.LocationCode, query.ShippingService)));
    }

    private static ShippingChargeLine ChargeLine(QuoteLineInput line, ProductInfoDto product) =>
        new(line.Quantity, product.Price, product.WeightGrams, product.IsAlcohol);
}
