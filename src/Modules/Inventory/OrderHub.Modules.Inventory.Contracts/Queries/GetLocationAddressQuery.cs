using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Queries;

/// <summary>A location's name and postal address (a shipment's ship-from), or null when no location has the code.</summary>
public sealed record GetLocationAddressQuery(string Code) : IQuery<LocationAddressDto?>;

/// <summary>Where a location is, as a carrier needs it for the ship-from of a rate or a label.</summary>
public sealed record LocationAddressDto(string Code, string Name, string Line1, string? Line2, string City, string Region, string PostalCode, string Country);
