using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Features.ListShipments;

internal sealed class ListShipmentsHandler(ShippingDbContext db) : IQueryHandler<ListShipmentsQuery, ShipmentListDto>
{
    public const int MaxPageSize = 100;

    public async ValueTask<ShipmentListDto> Handle(ListShipmentsQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var locations = await db.Shipments.AsNoTracking().Select(s => s.LocationCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

        var shipments = db.Shipments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (!Enum.TryParse<ShipmentStatus>(query.Status.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return new ShipmentListDto([], page, size, 0, locations);
            }

            shipments = shipments.Where(s => s.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.LocationCode))
        {
            var location = query.LocationCode.Trim().ToUpperInvariant();
            shipments = shipments.Where(s => s.LocationCode == location);
        }

        var total = await shipments.CountAsync(cancellationToken);
        var rows = await shipments.Include(s => s.Packages)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * size).Take(size)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new ShipmentListDto([.. rows.Select(Summary)], page, size, total, locations);
    }

    private static ShipmentSummaryDto Summary(Shipment s) => new(
        s.Id,
        s.OrderId,
        s.OrderNumber,
        s.LocationCode,
        s.Carrier?.ToString(),
        s.Service?.ToString(),
        s.ServiceName,
        s.TrackingNumber,
        s.Carrier is { } carrier && s.TrackingNumber is { } number ? TrackingNumberFormat.TrackingUrl(carrier, number)?.ToString() : null,
        s.Packages.Count,
        s.Status.ToString(),
        s.EstimatedDelivery,
        s.CreatedAt);
}
