using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Notifications.Domain.Alerts;

/// <summary>
/// Something staff must act on: what it is (<see cref="Title"/>), what to do (<see cref="WhatToDo"/>) and where
/// (<see cref="Link"/>, a back-office page). One open alert per condition: <see cref="OpenKey"/> holds the
/// <see cref="DedupKey"/> while open (unique), so the same condition seen again only counts an occurrence; once
/// acknowledged (who, when, an optional note) it stays in the history and the condition may raise a new one.
/// </summary>
internal sealed class StaffAlert
{
    public const int NoteMaxLength = 500;

    private StaffAlert()
    {
    }

    public Guid Id { get; private set; }

    public AlertKind Kind { get; private set; }

    public AlertSeverity Severity { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string WhatToDo { get; private set; } = string.Empty;

    /// <summary>The back-office page to act on, e.g. <c>/shipping/shipments/{id}</c>.</summary>
    public string Link { get; private set; } = string.Empty;

    /// <summary>What it is about, as staff search for it: an order number, a shipment id, "SKU @ LOCATION".</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>The condition, e.g. <c>ShipmentException:{shipmentId}</c>.</summary>
    public string DedupKey { get; private set; } = string.Empty;

    /// <summary><see cref="DedupKey"/> while open, null once acknowledged (unique index: one open alert per condition).</summary>
    public string? OpenKey { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>When the condition was last seen (raised, or seen again while open).</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    public int Occurrences { get; private set; }

    /// <summary>The integration event that raised it (null when a scan found it).</summary>
    public Guid? CausationId { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgementNote { get; private set; }

    /// <summary>Optimistic concurrency: two staff acknowledging at once, one wins, the other is told.</summary>
    public int Version { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    public static StaffAlert Raise(NewStaffAlert alert, Guid? causationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new StaffAlert
        {
            Id = Guid.CreateVersion7(now),
            Kind = alert.Kind,
            Severity = alert.Severity,
            Title = Fit(alert.Title, 300),
            WhatToDo = Fit(alert.WhatToDo, 2000),
            Link = alert.Link,
            Subject = Fit(alert.Subject, 200),
            DedupKey = alert.DedupKey,
            OpenKey = alert.DedupKey,
            RaisedAt = now,
            LastSeenAt = now,
            Occurrences = 1,
            CausationId = causationId,
        };
    }

    /// <summary>The condition was seen again while open: counted, and its words brought up to date.</summary>
    public void Recur(NewStaffAlert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Title = Fit(alert.Title, 300);
        WhatToDo = Fit(alert.WhatToDo, 2000);
        Occurrences++;
        LastSeenAt = now;
        Version++;
    }

    public void Acknowledge(string actor, string? note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new ConflictException($"The alert \"{Title}\" was already acknowledged by {AcknowledgedBy} at {AcknowledgedAt:u}.");
        }

        AcknowledgedBy = actor;
        AcknowledgedAt = now;
        AcknowledgementNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        OpenKey = null;
        Version++;
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

/// <summary>An alert a source wants raised; <see cref="DedupKey"/> names the condition so it is raised once while open.</summary>
internal sealed record NewStaffAlert(AlertKind Kind, AlertSeverity Severity, string Title, string WhatToDo, string Link, string Subject, string DedupKey)
{
    /// <summary>The order it concerns, kept on a queued email for support look-ups.</summary>
    public string? OrderNumber { get; init; }

    /// <summary>
    /// True (events: a new scan, a new finding, new work) when the condition seen again after its alert was acknowledged
    /// raises a new one; false (the scan's standing conditions) when an acknowledged condition stays quiet until its key changes.
    /// </summary>
    public bool RaiseAgainOnceAcknowledged { get; init; } = true;
}
