namespace OrderHub.Modules.Compliance.Domain.Audit;

/// <summary>Who changed which compliance setting, when and why (rule edits, permit changes).</summary>
internal sealed class ComplianceAuditEntry
{
    private ComplianceAuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    /// <summary>E.g. "RuleVersionCreated", "PermitUpdated".</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>E.g. "rule:TX v2", "permit:TX".</summary>
    public string Subject { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    public static ComplianceAuditEntry Create(DateTimeOffset at, string actor, string action, string subject, string reason, string? detail) => new()
    {
        Id = Guid.NewGuid(),
        At = at,
        Actor = actor,
        Action = action,
        Subject = subject,
        Reason = reason,
        Detail = detail is { Length: > 4000 } ? detail[..4000] : detail,
    };
}
