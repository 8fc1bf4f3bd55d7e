using OrderHub.BuildingBlocks.Domain;

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

    /// <summary>The plain-text body (every email has one).</summary>
    public string Body { get; private set; } = string.Empty;

    /// <summary>The HTML body of a customer email, sent beside <see cref="Body"/> as multipart/alternative; null for plain staff mail.</summary>
    public string? HtmlBody { get; private set; }

    /// <summary>What the email is (a <c>CustomerEmailType</c> for customer emails), for the delivery page.</summary>
    public string? Kind { get; private set; }

    /// <summary>Unique when set: a customer email is sent once per order, shipment and type.</summary>
    public string? DedupKey { get; private set; }

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

    /// <summary>A customer email rendered from its template, once per <paramref name="dedupKey"/>.</summary>
    public static EmailMessage QueueCustomer(
        string to, CustomerEmails.RenderedEmail email, string orderNumber, Guid causationId, string kind, string dedupKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = Queue(to, email.Subject, email.Text, orderNumber, causationId, now);
        message.HtmlBody = email.Html;
        message.Kind = kind;
        message.DedupKey = dedupKey;
        return message;
    }

    /// <summary>
    /// Staff send a failed email again (after fixing the mail server or the address book): it is queued with a fresh count
    /// of attempts; its last error stays until the next attempt says otherwise.
    /// </summary>
    public void Retry()
    {
        if (Status != EmailStatus.Failed)
        {
            throw new ConflictException($"The email \"{Subject}\" to {To} is {Status}, not Failed: only a failed email is sent again.");
        }

        Status = EmailStatus.Queued;
        Attempts = 0;
        LockedUntil = null;
    }
}
