using System.Text.Json.Serialization;
using Mediator;

namespace OrderHub.Modules.Compliance.Features.Permits;

/// <summary>Body of <c>PUT /api/v1/compliance/permits/{state}</c>: the whole permit record, with the reason for the change.</summary>
internal sealed record UpdateWineryPermitCommand : ICommand<WineryPermitDto>
{
    [JsonIgnore]
    public string StateCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Actor { get; init; } = string.Empty;

    public bool Held { get; init; }

    public string? PermitName { get; init; }

    public string? PermitNumber { get; init; }

    public IReadOnlyList<string>? LocationCodes { get; init; }

    public bool LimitedConditionsConfirmed { get; init; }

    public string? Reason { get; init; }
}
