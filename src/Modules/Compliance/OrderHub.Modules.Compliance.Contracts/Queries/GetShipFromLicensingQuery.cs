using Mediator;

namespace OrderHub.Modules.Compliance.Contracts.Queries;

/// <summary>
/// Which of these locations may ship wine to a consumer in <see cref="DestinationRegion"/> (a US state code) today: the
/// state must allow direct shipping and, where it asks for a permit, the winery's permit must cover the location.
/// Sourcing asks before it chooses; the compliance decision is taken again for the chosen location.
/// </summary>
public sealed record GetShipFromLicensingQuery(string DestinationRegion, IReadOnlyList<string> LocationCodes) : IQuery<IReadOnlyList<ShipFromLicenceDto>>;

/// <summary>One location's answer, with the reason staff see ("The TX permit covers only NAPA-WH, not RENO-WH.").</summary>
public sealed record ShipFromLicenceDto(string LocationCode, bool MayShipWine, string Reason);
