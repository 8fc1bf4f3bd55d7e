using Mediator;

namespace OrderHub.Modules.Shipping.Features.ListShipments;

/// <summary>
/// Shipments newest first, for the back-office list: optionally only one status (a <c>ShipmentStatus</c> name; an
/// unknown one matches nothing) and one ship-from location. <see cref="Page"/> counts from 1; <see cref="PageSize"/> is
/// kept within 1-100.
/// </summary>
internal sealed record ListShipmentsQuery(string? Status = null, string? LocationCode = null, int Page = 1, int PageSize = 25) : IQuery<ShipmentListDto>;

/// <summary>One page of shipments, how many match in all, and the locations that have shipments (for the filter).</summary>
internal sealed record ShipmentListDto(IReadOnlyList<ShipmentSummaryDto> Items, int Page, int PageSize, int Total, IReadOnlyList<string> Locations)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A shipment as a list row: the order it serves, the carrier's service, the first package's tracking number and page.</summary>
internal sealed record ShipmentSummaryDto(
    Guid Id,
    Guid OrderId,
    string OrderNumber,
    string LocationCode,
    string? Carrier,
    string? Service,
    string? ServiceName,
    string? TrackingNumber,
    string? TrackingUrl,
    int Packages,
    string Status,
    DateOnly? EstimatedDelivery,
    DateTimeOffset CreatedAt);
