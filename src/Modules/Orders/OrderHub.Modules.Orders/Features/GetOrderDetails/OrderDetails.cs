using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

/// <summary>An order as <see cref="OrderDetailsDto"/>: read by the query, or built from the order a command still holds.</summary>
internal static class OrderDetails
{
    public static async Task<IReadOnlyList<PaymentDto>> PaymentsAsync(ISender sender, Guid orderId, CancellationToken cancellationToken)
    {
        var ledger = await sender.Send(new GetOrderPaymentsQuery(orderId), cancellationToken);
        return [.. ledger.Transactions.Select(t => new PaymentDto(t.Type, t.Amount, t.Currency, t.Status, t.Reference, t.At))];
    }

    public static OrderDetailsDto From(Order order, IReadOnlyList<PaymentDto> payments)
    {
        var c = order.Customer;
        return new OrderDetailsDto(
            order.Id,
            order.Number,
            order.Status.ToString(),
            order.Channel.ToString(),
            order.ExternalReference,
            new CustomerDto(c.Email, c.FirstName, c.LastName, c.DateOfBirth, c.Phone),
            ToDto(order.ShippingAddress),
            order.BillingAddress is null ? null : ToDto(order.BillingAddress),
            order.ShippingService.ToString(),
            [.. order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineDto(l.LineNumber, l.Sku, l.Quantity, l.UnitPrice, l.Status.ToString()))],
            new TotalsDto(order.Subtotal, order.ShippingCharge, order.Tax, order.Total, order.Currency),
            [.. order.ActiveHolds.OrderBy(h => h.Id).Select(h => new HoldDto(h.Type.ToString(), h.Reason, h.Rule, h.PlacedAt))],
            [.. order.Shipments.OrderBy(s => s.ShipmentId).Select(s => new ShipmentDto(s.ShipmentId, s.Carrier, s.Service, s.TrackingNumber, s.Status, s.EstimatedDelivery))],
            payments,
            [.. order.Timeline.OrderBy(t => t.Id).Select(t => new TimelineEntryDto(t.At, t.Event, t.Detail, t.Actor))],
            order.AdultSignatureRequired,
            order.MergedIntoOrderId,
            order.PlacedAt,
            ReplacementFor: null, // links to other orders are read by GetOrderDetailsHandler
            Reships: []);
    }

    private static AddressDto ToDto(Address a) => new(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country);
}
