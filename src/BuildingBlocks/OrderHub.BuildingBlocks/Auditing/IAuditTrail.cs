namespace OrderHub.BuildingBlocks.Auditing;

/// <summary>
/// The central audit log, for a handler that knows exactly what changed. The host records every mutating request by
/// staff or an API client anyway (who, when, route, status, the body with secrets removed); a record made here during
/// that request replaces the generic one with a precise action, subject and before/after. Outside a request (a job)
/// the record is written at once with the given actor.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>
/// One audited change. <paramref name="Action"/> is readable ("Users.ChangeRoles"); <paramref name="Subject"/> names
/// what changed (an order id, a SKU, a user's email); <paramref name="Before"/>/<paramref name="After"/> are any
/// JSON-serialisable values (secrets must not be put here); <paramref name="Actor"/> is only needed outside a request.
/// </summary>
public sealed record AuditRecord(string Action, string? Subject, object? Before, object? After, string? Actor = null);
