namespace OrderHub.Modules.Notifications.Domain.Emails;

internal enum EmailStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
}

/// <summary>An email to a customer or staff member; queued here, sent by the mail job.</summary>
internal sealed class EmailMessage
{
    private EmailMessage()
    {
    }

    public Guid Id { get; private set; }

    public string To { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>The order it concerns, for support look-ups and logs.</summary>
    public string? OrderNumber { get; private set; }

    /// <summary>The integration event that caused it.</summary>
    public Guid? CausationId { get; private set; }

    public EmailStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>While Sending: when another sender may take it over (the one holding it died).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public static EmailMessage Queue(string to, string subject, string body, string? orderNumber, Guid? causationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        To = to,
        Subject = subject,
        Body = body,
        OrderNumber = orderNumber,
        CausationId = causationId,
        Status = EmailStatus.Queued,
        CreatedAt = now,
    };
}
