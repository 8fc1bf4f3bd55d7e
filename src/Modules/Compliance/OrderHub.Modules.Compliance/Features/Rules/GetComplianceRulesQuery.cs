using Mediator;

namespace OrderHub.Modules.Compliance.Features.Rules;

internal sealed record GetComplianceRulesQuery : IQuery<IReadOnlyList<ComplianceRuleDto>>;

internal sealed record GetComplianceRuleQuery(string StateCode) : IQuery<ComplianceRuleHistoryDto>;
