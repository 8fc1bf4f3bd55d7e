using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Domain.Rules;

namespace OrderHub.Modules.Compliance.Features.Rules;

/// <summary>One volume limit: the amount in its unit and in litres, the period and who is counted.</summary>
internal sealed record VolumeLimitDto(string Text, decimal Amount, string Unit, string Period, string CountedPer, decimal Litres);

/// <summary>One version of a state's rule, with whether the winery holds the permit now.</summary>
internal sealed record ComplianceRuleDto(
    string StateCode,
    string StateName,
    int Version,
    bool IsCurrent,
    string Dtc,
    string? DtcChangesTo,
    DateOnly? DtcChangesOn,
    bool PermitRequired,
    string? PermitName,
    bool? WineryHoldsPermit,
    IReadOnlyList<VolumeLimitDto> Limits,
    string AdultSignature,
    string? Conditions,
    string Confidence,
    string EffectiveDate,
    string? Sources,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    string Reason)
{
    public static ComplianceRuleDto From(StateRuleVersion r, WineryPermit? permit) => new(
        r.StateCode, r.StateName, r.Version, r.IsCurrent, r.Dtc.ToString(), r.DtcChangesTo?.ToString(), r.DtcChangesOn,
        r.PermitRequired, r.PermitName, permit?.Held ?? false,
        [.. r.ParsedLimits().Select(l => new VolumeLimitDto(l.ToString(), l.Amount, VolumeLimit.UnitText(l.Unit), l.Period.ToString(), l.Basis.ToString(), decimal.Round(l.Litres, 4)))],
        r.Signature.ToString(), r.Conditions, r.Confidence, r.EffectiveDate, r.Sources, r.CreatedAt, r.CreatedBy, r.Reason);
}

internal sealed record ComplianceRuleHistoryDto(ComplianceRuleDto Current, IReadOnlyList<ComplianceRuleDto> Versions);
