using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.CreateLocation;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetLocation;

internal sealed class GetLocationHandler(InventoryDbContext db) : IQueryHandler<GetLocationQuery, LocationDto>
{
    public async ValueTask<LocationDto> Handle(GetLocationQuery query, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking().Include(l => l.Bins).SingleOrDefaultAsync(l => l.Code == query.Code, cancellationToken)
            ?? throw new NotFoundException("Location", query.Code);
        return CreateLocationHandler.ToDto(location);
    }
}
