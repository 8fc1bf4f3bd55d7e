namespace OrderHub.Web.Access;

/// <summary>
/// One staff or API action in the central audit log: who, when, what (a readable action, the route and its subject),
/// the answer's status, and the state before and after as JSON (secrets removed when recorded, PII masked when shown to
/// anyone but an Admin).
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; set; }

    /// <summary>"staff:&lt;email&gt;", "api:&lt;client&gt; (&lt;key prefix&gt;)" or "system".</summary>
    public required string Actor { get; set; }

    /// <summary>Readable action: "Admin.Users.Create", "PlaceOrder", "Users.ChangeRoles".</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: an order id, a SKU, a user's email ("sku=ABC" when taken from the route).</summary>
    public string? Subject { get; set; }

    public required string Method { get; set; }

    public required string Path { get; set; }

    /// <summary>The HTTP status answered (0 when recorded outside a request).</summary>
    public int Status { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? CorrelationId { get; set; }
}
