namespace OrderHub.Modules.Notifications.Features.SendWebhooks;

/// <summary>Outbound webhooks (<c>OrderHub:Webhooks</c>).</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "OrderHub:Webhooks";

    /// <summary>
    /// False (the default): targets on loopback, private, link-local, CGNAT or unique-local addresses are refused, at
    /// subscription and again at every connection, and only https URLs are taken. True (development, tests, a receiver
    /// on the same network): any address, and http too.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries failed for good in a row (each after its full back-off) before the subscription is disabled.</summary>
    public int DisableAfterFailedDeliveries { get; set; } = 1;

    /// <summary>Due deliveries read at a time; a run reads batch after batch until nothing is due.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Posts in flight at once (on PostgreSQL or SQL Server; SQLite posts one at a time).</summary>
    public int MaxParallelPosts { get; set; } = 8;

    /// <summary>
    /// How long one run keeps sending before it stops and leaves the rest to the next run a minute later (a run never
    /// starts a batch after this, and a batch ends within <see cref="TimeoutSeconds"/> of it).
    /// </summary>
    public int RunBudgetSeconds { get; set; } = 45;
}
