namespace OrderHub.Modules.Notifications.Domain.Webhooks;

internal enum WebhookDeliveryStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// One event for one subscription: the signed body is fixed when queued (so every attempt sends the same bytes and the
/// same <c>webhook-id</c>), then posted until a 2xx answer or the back-off schedule runs out (<see cref="Backoff"/>).
/// Unique per (subscription, source event, type): an integration event delivered twice never queues it twice.
/// </summary>
internal sealed class WebhookDelivery
{
    public const int ResponseMaxLength = 1000;

    /// <summary>Waits after each failed attempt: about 3.7 days from the first to the last of 10 attempts.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(24), TimeSpan.FromHours(24), TimeSpan.FromHours(24),
    ];

    /// <summary>Attempts before a delivery fails for good: one more than there are waits.</summary>
    public static int MaxAttempts => Backoff.Count + 1;

    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    /// <summary>The integration event it came from (the idempotency key with the subscription and type).</summary>
    public Guid SourceEventId { get; private set; }

    /// <summary>The order number or SKU it concerns, for staff looking for it.</summary>
    public string? Subject { get; private set; }

    /// <summary>The JSON body sent, byte for byte, on every attempt.</summary>
    public string Payload { get; private set; } = string.Empty;

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While Sending: when another sender may take it over (the one holding it died).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    /// <summary>The receiver's answer (trimmed) or why the request failed (time-out, refused target).</summary>
    public string? LastResponse { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The last staff member who asked for a retry, and when (audit).</summary>
    public string? RetriedBy { get; private set; }

    public DateTimeOffset? RetriedAt { get; private set; }

    public static WebhookDelivery Queue(Guid subscriptionId, string eventType, Guid sourceEventId, string? subject, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SubscriptionId = subscriptionId,
        EventType = eventType,
        SourceEventId = sourceEventId,
        Subject = subject,
        Payload = payload,
        Status = WebhookDeliveryStatus.Queued,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>Staff asked for it to be sent again now (a failed one gets a fresh set of attempts).</summary>
    public void RetryNow(string actor, DateTimeOffset now)
    {
        if (Status == WebhookDeliveryStatus.Failed)
        {
            Attempts = 0;
        }

        Status = WebhookDeliveryStatus.Queued;
        NextAttemptAt = now;
        LockedUntil = null;
        RetriedBy = actor;
        RetriedAt = now;
    }

    /// <summary>The receiver answered 2xx: done.</summary>
    public void Succeeded(DateTimeOffset at, int statusCode, string response)
    {
        Status = WebhookDeliveryStatus.Sent;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastResponse = Trim(response);
        DeliveredAt = at;
        LockedUntil = null;
    }

    /// <summary>The attempt failed: the next one is scheduled by the back-off, or (attempts used up) the delivery fails for good; true then.</summary>
    public bool AttemptFailed(DateTimeOffset at, int? statusCode, string response, double jitter)
    {
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastResponse = Trim(response);
        LockedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            Status = WebhookDeliveryStatus.Failed;
            return true;
        }

        Status = WebhookDeliveryStatus.Queued;
        NextAttemptAt = at + WaitAfter(Attempts, jitter);
        return false;
    }

    /// <summary>The wait after attempt <paramref name="attempt"/> failed, with up to 10 % jitter taken off so receivers are not hit in step.</summary>
    public static TimeSpan WaitAfter(int attempt, double jitter) =>
        Backoff[Math.Clamp(attempt - 1, 0, Backoff.Count - 1)] * (1 - (0.1 * Math.Clamp(jitter, 0, 1)));

    public static string Trim(string? text) =>
        text is null ? string.Empty : text.Length <= ResponseMaxLength ? text : string.Concat(text.AsSpan(0, ResponseMaxLength - 1), "…");
}

/// <summary>One try at a delivery: when, what the receiver answered (or why there was no answer), how long it took.</summary>
internal sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public long Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int? StatusCode { get; private set; }

    public string Response { get; private set; } = string.Empty;

    public int DurationMs { get; private set; }

    public static WebhookAttempt Record(Guid deliveryId, int number, DateTimeOffset at, int? statusCode, string response, TimeSpan duration) => new()
    {
        DeliveryId = deliveryId,
        Number = number,
        At = at,
        StatusCode = statusCode,
        Response = WebhookDelivery.Trim(response),
        DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
    };
}
