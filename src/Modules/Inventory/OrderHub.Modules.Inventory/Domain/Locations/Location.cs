using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Inventory.Domain.Locations;

internal enum LocationType
{
    Warehouse,
    Store,
    ThirdParty,
    Supplier,
}

/// <summary>Where stock sits: a warehouse, a tasting room, a 3PL or a dropship supplier.</summary>
internal sealed class Location
{
    private readonly List<Bin> _bins = [];

    private Location()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public LocationType Type { get; private set; }

    public Address Address { get; private set; } = null!;

    public bool ShipsToConsumers { get; private set; }

    public IReadOnlyList<Bin> Bins => _bins;

    public static Location Create(string code, string name, LocationType type, Address address, bool shipsToConsumers) => new()
    {
        Code = code,
        Name = name,
        Type = type,
        Address = address,
        ShipsToConsumers = shipsToConsumers,
    };

    public void AddBin(string code) => _bins.Add(new Bin(Code, code));
}

/// <summary>A storage place inside a location, coded aisle-bay-level (e.g. "A-01-2").</summary>
internal sealed class Bin(string locationCode, string code)
{
    public string LocationCode { get; private set; } = locationCode;

    public string Code { get; private set; } = code;
}
