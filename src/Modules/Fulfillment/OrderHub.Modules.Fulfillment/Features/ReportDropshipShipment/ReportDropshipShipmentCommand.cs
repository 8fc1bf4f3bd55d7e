using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

namespace OrderHub.Modules.Fulfillment.Features.ReportDropshipShipment;

/// <summary>
/// The body of <c>POST /api/v1/purchase-orders/{id}/shipments</c>: the supplier (or staff on its behalf) reports a
/// dropship purchase order shipped, with the carrier and its tracking number.
/// </summary>
internal sealed record ReportDropshipShipmentCommand : IIdempotentCommand<DropshipPurchaseOrderDto>
{
    [JsonIgnore]
    public Guid PurchaseOrderId { get; init; }

    public string? Carrier { get; init; }

    public string? TrackingNumber { get; init; }

    public DateTimeOffset? ShippedAt { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";

    string IIdempotentCommand<DropshipPurchaseOrderDto>.IdempotencyScope => $"{nameof(ReportDropshipShipmentCommand)}:{PurchaseOrderId}";
}

/// <summary>A dropship purchase order as the API shows it.</summary>
internal sealed record DropshipPurchaseOrderDto(
    Guid Id,
    string Number,
    string SupplierCode,
    Guid FulfillmentId,
    Guid OrderId,
    string OrderNumber,
    string Status,
    DateTimeOffset SentAt,
    string? AcknowledgementReference,
    string? Carrier,
    string? TrackingNumber,
    DateTimeOffset? ShippedAt,
    IReadOnlyList<DropshipPurchaseOrderLineDto> Lines)
{
    public static DropshipPurchaseOrderDto From(DropshipPurchaseOrder po) => new(
        po.Id, po.Number, po.SupplierCode, po.FulfillmentId, po.OrderId, po.OrderNumber, po.Status.ToString(), po.SentAt, po.AcknowledgementReference,
        po.Carrier, po.TrackingNumber, po.ShippedAt, [.. po.Lines.OrderBy(l => l.LineNumber).Select(l => new DropshipPurchaseOrderLineDto(l.Sku, l.Quantity))]);
}

internal sealed record DropshipPurchaseOrderLineDto(string Sku, int Quantity);
