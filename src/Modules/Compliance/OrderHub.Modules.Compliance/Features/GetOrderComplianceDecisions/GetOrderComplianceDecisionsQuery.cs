using Mediator;

namespace OrderHub.Modules.Compliance.Features.GetOrderComplianceDecisions;

/// <summary>Every compliance decision made for one order, newest first (the back-office order page shows them).</summary>
internal sealed record GetOrderComplianceDecisionsQuery(Guid OrderId) : IQuery<IReadOnlyList<OrderComplianceDecisionDto>>;

/// <summary>One decision in short; <see cref="SupersededAt"/> is set once a later decision replaced it.</summary>
internal sealed record OrderComplianceDecisionDto(Guid Id, DateTimeOffset DecidedAt, string Outcome, string? Rule, string Reason, DateTimeOffset? SupersededAt);
