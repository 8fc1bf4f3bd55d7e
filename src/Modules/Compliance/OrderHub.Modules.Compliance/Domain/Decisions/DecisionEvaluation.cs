using OrderHub.Modules.Compliance.Contracts.Commands;

namespace OrderHub.Modules.Compliance.Domain.Decisions;

/// <summary>What the evaluator concluded, before it is recorded.</summary>
internal sealed record DecisionEvaluation(
    ComplianceOutcome Outcome,
    string? Rule,
    string Reason,
    bool AdultSignatureRequired,
    bool ContainsAlcohol,
    string? StateCode,
    Guid? RuleVersionId,
    int? RuleVersion,
    int VolumeMl,
    decimal AlcoholValue,
    IReadOnlyList<DecisionCheck> Checks);

/// <summary>Volume an earlier approved decision counts for the same consumer in the same state.</summary>
internal sealed record PriorVolume(DateOnly OrderDate, int VolumeMl, bool SamePerson, bool SameAddress);
