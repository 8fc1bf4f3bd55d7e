namespace OrderHub.Modules.Compliance.Domain.Rules;

internal enum DtcStatus
{
    Yes,
    Limited,
    No,
}

internal enum SignatureRequirement
{
    NotApplicable,
    Yes,
    WithId,
}

/// <summary>
/// One version of a state's direct-to-consumer wine rule. Versions are never changed: an edit adds a new version
/// (who, when, why) and marks it current, so a past decision keeps pointing at the version it used.
/// </summary>
internal sealed class StateRuleVersion
{
    private StateRuleVersion()
    {
    }

    public Guid Id { get; private set; }

    public string StateCode { get; private set; } = string.Empty;

    public int Version { get; private set; }

    public bool IsCurrent { get; private set; }

    public string StateName { get; private set; } = string.Empty;

    public DtcStatus Dtc { get; private set; }

    /// <summary>A status that takes over on <see cref="DtcChangesOn"/> (DE: No, Limited from 2026-08-15).</summary>
    public DtcStatus? DtcChangesTo { get; private set; }

    public DateOnly? DtcChangesOn { get; private set; }

    public bool PermitRequired { get; private set; }

    public string? PermitName { get; private set; }

    /// <summary>Canonical limit text, e.g. "9, litres, month; 27, litres, year"; "none" when unlimited.</summary>
    public string Limits { get; private set; } = "none";

    public SignatureRequirement Signature { get; private set; }

    public string? Conditions { get; private set; }

    public string Confidence { get; private set; } = string.Empty;

    /// <summary>As the source gives it: "2024-01-01", "src 2025-05", "unknown".</summary>
    public string EffectiveDate { get; private set; } = string.Empty;

    public string? Sources { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public IReadOnlyList<VolumeLimit> ParsedLimits() => VolumeLimit.ParseList(Limits);

    /// <summary>The DTC status in force on a date (applies a scheduled change).</summary>
    public DtcStatus DtcOn(DateOnly date) =>
        DtcChangesTo is { } next && DtcChangesOn is { } on && date >= on ? next : Dtc;

    public static StateRuleVersion Create(StateRuleContent content, int version, DateTimeOffset at, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new StateRuleVersion
        {
            Id = Guid.NewGuid(),
            StateCode = content.StateCode,
            Version = version,
            IsCurrent = true,
            StateName = content.StateName,
            Dtc = content.Dtc,
            DtcChangesTo = content.DtcChangesTo,
            DtcChangesOn = content.DtcChangesOn,
            PermitRequired = content.PermitRequired,
            PermitName = content.PermitName,
            Limits = VolumeLimit.FormatList(content.Limits),
            Signature = content.Signature,
            Conditions = content.Conditions,
            Confidence = content.Confidence,
            EffectiveDate = content.EffectiveDate,
            Sources = content.Sources,
            CreatedAt = at,
            CreatedBy = actor,
            Reason = reason,
        };
    }

    public StateRuleVersion Supersede(StateRuleContent content, DateTimeOffset at, string actor, string reason)
    {
        IsCurrent = false;
        return Create(content with { StateCode = StateCode, StateName = StateName }, Version + 1, at, actor, reason);
    }

    public StateRuleContent Content() => new(StateCode, StateName, Dtc, DtcChangesTo, DtcChangesOn, PermitRequired, PermitName,
        ParsedLimits(), Signature, Conditions, Confidence, EffectiveDate, Sources);
}

/// <summary>The editable content of a rule version.</summary>
internal sealed record StateRuleContent(
    string StateCode,
    string StateName,
    DtcStatus Dtc,
    DtcStatus? DtcChangesTo,
    DateOnly? DtcChangesOn,
    bool PermitRequired,
    string? PermitName,
    IReadOnlyList<VolumeLimit> Limits,
    SignatureRequirement Signature,
    string? Conditions,
    string Confidence,
    string EffectiveDate,
    string? Sources);
