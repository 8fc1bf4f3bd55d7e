using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Modules.Inventory.Features.CreateLocation;

/// <summary>The body of <c>POST /api/v1/locations</c> (API.md), plus optional bins and whether it ships to consumers.</summary>
internal sealed record CreateLocationCommand : IIdempotentCommand<LocationDto>
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public LocationAddressInput? Address { get; init; }

    /// <summary>Default: true for Warehouse and ThirdParty, false for Store and Supplier.</summary>
    public bool? ShipsToConsumers { get; init; }

    public IReadOnlyList<string>? Bins { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

internal sealed record LocationAddressInput(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

internal sealed record LocationDto(string Code, string Name, string Type, LocationAddressDto Address, bool ShipsToConsumers, IReadOnlyList<string> Bins);

internal sealed record LocationAddressDto(string Line1, string? Line2, string City, string Region, string PostalCode, string Country);
