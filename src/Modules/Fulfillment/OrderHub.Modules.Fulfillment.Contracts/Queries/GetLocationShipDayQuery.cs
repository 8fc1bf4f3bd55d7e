using Mediator;

namespace OrderHub.Modules.Fulfillment.Contracts.Queries;

/// <summary>
/// A location's shipping day at <see cref="At"/>, by its fulfillment settings (time zone and cut-off): Shipping dates a
/// label with it. A location without settings works on UTC days without a cut-off.
/// </summary>
public sealed record GetLocationShipDayQuery(string LocationCode, DateTimeOffset At) : IQuery<LocationShipDayDto>;

/// <summary>
/// <see cref="LocalDate"/> is the location's own date at the time asked; <see cref="PastCutOff"/> is true when its
/// cut-off (<see cref="CutOffLocal"/>, "HH:mm" local, null for none) has passed that day: work then leaves the next
/// business day.
/// </summary>
public sealed record LocationShipDayDto(string LocationCode, DateOnly LocalDate, bool PastCutOff, string? CutOffLocal, string TimeZone);
