using Mediator;

namespace OrderHub.Modules.Shipping.Features.ListWeatherHolds;

/// <summary>
/// Wine held for weather now (longest held first) and the holds released in the last <see cref="ReleasedDays"/> days
/// (newest first, at most 50), with the limits in force and when the hourly job checks the held ones again.
/// </summary>
internal sealed record ListWeatherHoldsQuery(int ReleasedDays = 7) : IQuery<WeatherHoldsDto>;

/// <summary>The holds page: the temperature limits (°F), the next hourly check, the held shipments and the recent releases.</summary>
internal sealed record WeatherHoldsDto(int MinF, int MaxF, DateTimeOffset NextCheck, IReadOnlyList<HeldForWeatherDto> Held, IReadOnlyList<ReleasedWeatherHoldDto> Released);

/// <summary>
/// A shipment waiting for weather: the order, where it goes, since when, why (<see cref="Reason"/>: the temperature,
/// where and when, the limits), the proposed ship date (null: none within a year fits).
/// </summary>
internal sealed record HeldForWeatherDto(
    Guid ShipmentId,
    Guid OrderId,
    string OrderNumber,
    string LocationCode,
    string City,
    string Region,
    string PostalCode,
    string Service,
    DateTimeOffset HeldSince,
    string Reason,
    DateOnly? ProposedShipDate);

/// <summary>A hold that ended: when, by whom (the hourly job or a staff check), and the shipment as it is now.</summary>
internal sealed record ReleasedWeatherHoldDto(
    Guid ShipmentId,
    Guid OrderId,
    string OrderNumber,
    string LocationCode,
    string Region,
    string PostalCode,
    DateTimeOffset ReleasedAt,
    string ReleasedBy,
    string Detail,
    string Status,
    DateOnly? ShipDate,
    string? TrackingNumber);
