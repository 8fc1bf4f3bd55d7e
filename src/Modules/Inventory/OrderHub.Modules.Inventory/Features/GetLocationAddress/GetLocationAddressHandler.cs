using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetLocationAddress;

/// <summary>Answers Shipping's ship-from lookups: one read of the location, without its bins.</summary>
internal sealed class GetLocationAddressHandler(InventoryDbContext db) : IQueryHandler<GetLocationAddressQuery, LocationAddressDto?>
{
    public async ValueTask<LocationAddressDto?> Handle(GetLocationAddressQuery query, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Code == query.Code, cancellationToken);
        return location is null
            ? null
            : new LocationAddressDto(location.Code, location.Name, location.Address.Line1, location.Address.Line2, location.Address.City,
                location.Address.Region, location.Address.PostalCode, location.Address.Country);
    }
}
