using Mediator;
using OrderHub.Modules.Compliance.Domain.Permits;

namespace OrderHub.Modules.Compliance.Features.Permits;

/// <summary>The winery's permit for a state. <c>locationCodes</c> empty = every ship-from location is covered.</summary>
internal sealed record WineryPermitDto(
    string StateCode, bool Held, string? PermitName, string? PermitNumber, IReadOnlyList<string> LocationCodes, bool LimitedConditionsConfirmed,
    DateTimeOffset UpdatedAt, string UpdatedBy, string Reason)
{
    public static WineryPermitDto From(WineryPermit p) =>
        new(p.StateCode, p.Held, p.PermitName, p.PermitNumber, p.Locations(), p.LimitedConditionsConfirmed, p.UpdatedAt, p.UpdatedBy, p.Reason);
}

internal sealed record GetWineryPermitsQuery : IQuery<IReadOnlyList<WineryPermitDto>>;
