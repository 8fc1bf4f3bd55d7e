using Mediator;
using OrderHub.Modules.Compliance.Features.Rules;

namespace OrderHub.Modules.Compliance.Features.GetComplianceDecision;

internal sealed record GetComplianceDecisionQuery(Guid DecisionId) : IQuery<ComplianceDecisionDetailsDto>;

internal sealed record DecisionCheckDto(string Name, string Result, string? Rule, string Detail);

/// <summary>The explanation of a decision: its checks and the rule version of its day (not today's).</summary>
internal sealed record ComplianceDecisionDetailsDto(
    Guid Id,
    string DecisionKey,
    Guid OrderId,
    string OrderNumber,
    DateOnly OrderDate,
    DateTimeOffset DecidedAt,
    string Outcome,
    string? Rule,
    string Reason,
    bool AdultSignatureRequired,
    bool IsCarryOut,
    bool ContainsAlcohol,
    string? StateCode,
    string? ShipFromLocationCode,
    string Purchaser,
    string Recipient,
    string Destination,
    decimal VolumeLitres,
    decimal AlcoholValue,
    bool CountsTowardLimits,
    DateTimeOffset? SupersededAt,
    DateTimeOffset? ReleasedAt,
    IReadOnlyList<DecisionCheckDto> Checks,
    ComplianceRuleDto? RuleVersionUsed);
