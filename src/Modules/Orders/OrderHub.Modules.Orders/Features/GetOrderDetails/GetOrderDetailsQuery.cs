using Mediator;

namespace OrderHub.Modules.Orders.Features.GetOrderDetails;

internal sealed record GetOrderDetailsQuery(Guid OrderId) : IQuery<OrderDetailsDto>;

/// <summary>The order as API.md shows it (fields the placement flow does not fill yet are added by later issues).</summary>
internal sealed record OrderDetailsDto(
    Guid Id,
    string Number,
    string Status,
    string Channel,
    string? ExternalReference,
    CustomerDto Customer,
    AddressDto ShippingAddress,
    IReadOnlyList<OrderLineDto> Lines,
    IReadOnlyList<HoldDto> Holds,
    IReadOnlyList<TimelineEntryDto> Timeline,
    DateTimeOffset PlacedAt);

internal sealed record CustomerDto(string Email, string FirstName, string LastName, DateOnly? DateOfBirth, string? Phone);

internal sealed record AddressDto(string Line1, string? Line2, string City, string Region, string PostalCode, string Country);

internal sealed record OrderLineDto(string Sku, int Quantity, string Status);

internal sealed record HoldDto(string Type, string Reason);

internal sealed record TimelineEntryDto(DateTimeOffset At, string Event, string Detail, string Actor);
