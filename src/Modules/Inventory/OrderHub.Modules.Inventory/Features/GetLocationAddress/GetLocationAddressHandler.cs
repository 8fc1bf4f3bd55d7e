using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetLocationAddress;

internal sealed class GetLocationAddressHandler(InventoryDbContext db) : IQueryHandler<GetLocationAddressQuery, LocationAddressDto?>
{
    public async ValueTask<LocationAddressDto?> Handle(GetLocationAddressQuery query, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Code == query.LocationCode, cancellationToken);
        return location is null ? null : new LocationAddressDto(location.Code, location.Name, location.Type.ToString(), location.Address);
    }
}
