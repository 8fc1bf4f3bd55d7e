using System.Text.Json.Serialization;
using Mediator;

namespace OrderHub.Modules.Compliance.Features.Rules;

/// <summary>
/// Body of <c>PUT /api/v1/compliance/rules/{state}</c>: a new version of the rule. Omitted fields keep their current
/// value; <c>limits</c> replaces the whole list ("amount, unit, period (qualifiers)", e.g. "9, gallons, month",
/// "36, gallons, year (12-mo rolling)", "12, cases-of-9L, year (household)"; an empty list = no limit).
/// </summary>
internal sealed record UpdateComplianceRuleCommand : ICommand<ComplianceRuleDto>
{
    [JsonIgnore]
    public string StateCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Actor { get; init; } = string.Empty;

    public string? Dtc { get; init; }

    public string? DtcChangesTo { get; init; }

    public DateOnly? DtcChangesOn { get; init; }

    public bool? PermitRequired { get; init; }

    public string? PermitName { get; init; }

    public IReadOnlyList<string>? Limits { get; init; }

    public string? AdultSignature { get; init; }

    public string? Conditions { get; init; }

    public string? Confidence { get; init; }

    public string? EffectiveDate { get; init; }

    public string? Sources { get; init; }

    public string? Reason { get; init; }
}
