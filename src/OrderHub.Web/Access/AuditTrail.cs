using System.Text.Json;
using OrderHub.BuildingBlocks.Auditing;

namespace OrderHub.Web.Access;

/// <summary>
/// <see cref="IAuditTrail"/> over the central audit log: during an audited request the record replaces the request's
/// generic entry (written by <see cref="AuditMiddleware"/> with who, when and the status); elsewhere it is written at once.
/// </summary>
internal sealed class AuditTrail(IHttpContextAccessor http, AccessDbContext db, TimeProvider clock) : IAuditTrail
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (http.HttpContext?.Items[AuditMiddleware.ItemKey] is List<AuditRecord> pending)
        {
            pending.Add(record);
            return;
        }

        var user = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = record.Actor ?? (user?.Identity?.IsAuthenticated == true ? AuditMiddleware.ActorOf(user) : "system"),
            Action = record.Action,
            Subject = record.Subject,
            Method = http.HttpContext?.Request.Method ?? "-",
            Path = http.HttpContext?.Request.Path.Value ?? "-",
            Before = Serialize(record.Before),
            After = Serialize(record.After),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => JsonSerializer.Serialize(s, AuditRedaction.Readable),
        _ => JsonSerializer.Serialize(value, AuditRedaction.Readable),
    };
}
