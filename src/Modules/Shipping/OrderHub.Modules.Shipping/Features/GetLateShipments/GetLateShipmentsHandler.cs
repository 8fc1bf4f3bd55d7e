using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.GetLateShipments;

internal sealed class GetLateShipmentsHandler(ShippingDbContext db) : IQueryHandler<GetLateShipmentsQuery, IReadOnlyList<LateShipmentDto>>
{
    public async ValueTask<IReadOnlyList<LateShipmentDto>> Handle(GetLateShipmentsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.Shipments.AsNoTracking()
            .Include(s => s.Packages)
            .Where(s => (s.Status == ShipmentStatus.LabelCreated || s.Status == ShipmentStatus.InTransit || s.Status == ShipmentStatus.OutForDelivery)
                && s.EstimatedDelivery != null && s.EstimatedDelivery < query.Today)
            .OrderBy(s => s.EstimatedDelivery)
            .Take(Math.Clamp(query.Max, 1, 1000))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(s => new LateShipmentDto(s.Id, s.OrderNumber, s.LocationCode, s.Carrier?.ToString(), s.TrackingNumber, s.Status.ToString(), s.EstimatedDelivery!.Value))];
    }
}
