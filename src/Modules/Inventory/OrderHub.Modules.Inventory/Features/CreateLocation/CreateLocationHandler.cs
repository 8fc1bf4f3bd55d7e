using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CreateLocation;

internal sealed class CreateLocationHandler(InventoryDbContext db, ILogger<CreateLocationHandler> logger)
    : ICommandHandler<CreateLocationCommand, LocationDto>
{
    public async ValueTask<LocationDto> Handle(CreateLocationCommand command, CancellationToken cancellationToken)
    {
        var code = command.Code!.Trim();
        if (await db.Locations.AnyAsync(l => l.Code == code, cancellationToken))
        {
            throw new ConflictException($"A location with code '{code}' already exists.");
        }

        var type = Enum.Parse<LocationType>(command.Type!);
        var a = command.Address!;
        var location = Location.Create(code, command.Name!.Trim(), type, new Address(a.Line1!, a.Line2, a.City!, a.Region!, a.PostalCode!, a.Country!),
            command.ShipsToConsumers ?? type is LocationType.Warehouse or LocationType.ThirdParty);
        foreach (var bin in command.Bins ?? [])
        {
            location.AddBin(bin);
        }

        db.Locations.Add(location);
        var dto = ToDto(location);
        logger.LogInformation("Location {LocationCode} ({LocationType}) created with {BinCount} bin(s)", code, type, location.Bins.Count);
        return dto;
    }

    public static LocationDto ToDto(Location l) => new(l.Code, l.Name, l.Type.ToString(),
        new LocationAddressDto(l.Address.Line1, l.Address.Line2, l.Address.City, l.Address.Region, l.Address.PostalCode, l.Address.Country),
        l.ShipsToConsumers, [.. l.Bins.Select(b => b.Code)]);
}
