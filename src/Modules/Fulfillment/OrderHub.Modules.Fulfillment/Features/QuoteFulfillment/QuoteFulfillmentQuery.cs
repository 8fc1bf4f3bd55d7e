using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.QuoteFulfillment;

/// <summary>
/// The body of <c>POST /api/v1/fulfillment/quote</c> (API.md, "Fulfillment"): what sourcing would do for a cart before
/// it is an order. A read: nothing is reserved or saved, so the answer may differ once the order is placed.
/// </summary>
internal sealed record QuoteFulfillmentQuery : IQuery<FulfillmentQuoteDto>
{
    public IReadOnlyList<QuoteLineInput>? Lines { get; init; }

    public QuoteAddressInput? ShippingAddress { get; init; }

    /// <summary>Ground (the default), TwoDay or Overnight.</summary>
    public string? ShippingService { get; init; }

    /// <summary>The sales channel, for staff sourcing rules that apply to one (e.g. never split a club shipment).</summary>
    public string? Channel { get; init; }
}

internal sealed record QuoteLineInput(string? Sku, int Quantity);

/// <summary>Where the cart would ship; sourcing needs only the state, ZIP and country (street and city are optional).</summary>
internal sealed record QuoteAddressInput(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

/// <summary>
/// The quote: one shipment per location with its lines, what shipping would cost the customer, and when it would
/// arrive (yyyy-MM-dd) if the order shipped today.
/// </summary>
internal sealed record FulfillmentQuoteDto(IReadOnlyList<QuotedShipmentDto> Plan, MoneyDto ShippingCharge, DateOnly EstimatedDelivery);

/// <summary>One shipment of the plan; <see cref="EstimatedCost"/> is the merchant's (carriage plus handling), not the customer's charge.</summary>
internal sealed record QuotedShipmentDto(string LocationCode, IReadOnlyList<QuotedLineDto> Lines, MoneyDto EstimatedCost);

internal sealed record QuotedLineDto(string Sku, int Quantity);
