using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Features.GetShipment;

internal sealed class GetShipmentHandler(ShippingDbContext db) : IQueryHandler<GetShipmentQuery, ShipmentDetailsDto>
{
    public async ValueTask<ShipmentDetailsDto> Handle(GetShipmentQuery query, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().Include(s => s.Packages).Include(s => s.Events).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == query.ShipmentId, cancellationToken)
            ?? throw new NotFoundException("Shipment", query.ShipmentId.ToString());
        return ShipmentDetailsDto.From(shipment, (s, number) => s.Carrier is { } carrier ? TrackingNumberFormat.TrackingUrl(carrier, number)?.ToString() : null);
    }
}
