using Mediator;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Inventory.Contracts.Queries;

/// <summary>A location's name and postal address (the ship-from on a label, the origin of a rate); null when unknown.</summary>
public sealed record GetLocationAddressQuery(string LocationCode) : IQuery<LocationAddressDto?>;

public sealed record LocationAddressDto(string Code, string Name, string Type, Address Address);
