using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Features.QuoteFulfillment;

/// <summary>
/// Quotes a cart: reads what sourcing would read for an order (<see cref="SourcingInputs"/>, general stock only, since a
/// cart holds nothing) and runs the same <see cref="SourcingPlanner"/>. Nothing is reserved or saved.
/// <para>
/// <c>shippingCharge</c> is what the customer would pay for carriage: the sum of the plan's shipments as the
/// <see cref="IShippingCostEstimator"/> prices them, <b>without</b> the locations' handling cost (an internal cost of
/// packing, which the planner weighs but a customer is not charged). It is in USD, like every sourcing estimate.
/// <c>estimatedDelivery</c> is the latest of the shipments' arrivals: each leaves on its location's ship day (its local
/// today, or the next business day once past its cut-off; UTC today for a location without settings) and takes the
/// service's business days in transit (<see cref="DeliveryEstimate"/>).
/// </para>
/// An unknown SKU is refused (422, rule <c>UnknownSku</c>), and so is a cart no set of locations can ship whole
/// (422, rule <c>NoShipFromLocation</c>, naming each location's reason), as its order would be held.
/// </summary>
internal sealed class QuoteFulfillmentHandler(SourcingInputs inputs, SourcingPlanner planner)
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

        var handling = input.Request.Locations.ToDictionary(l => l.Code, l => l.HandlingCost, StringComparer.Ordinal);
        return new FulfillmentQuoteDto(
            [.. plan.Shipments.Select(s => new QuotedShipmentDto(s.LocationCode, [.. s.Lines.Select(l => new QuotedLineDto(l.Sku, l.Quantity))]))],
            new MoneyDto(plan.Shipments.Sum(s => s.EstimatedCost - handling[s.LocationCode]), Currency),
            plan.Shipments.Max(s => input.EstimatedDelivery(s.LocationCode, query.ShippingService)));
    }
}
