namespace OrderHub.BuildingBlocks.Domain;

/// <summary>A postal address as the API carries it (mechanics only: no business rule lives here).</summary>
public sealed record Address(string Line1, string? Line2, string City, string Region, string PostalCode, string Country);
