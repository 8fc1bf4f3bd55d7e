using System.Security.Cryptography;

namespace OrderHub.Modules.Notifications.Domain.Webhooks;

/// <summary>
/// An integrator's endpoint and the event types it wants. The signing <see cref="Secret"/> (<c>whsec_</c> + base64 of 32
/// random bytes) is stored because every delivery is signed with it, but it is shown only once, when created. A
/// subscription whose delivery exhausts its attempts is disabled (and staff alerted); enabling it again resumes.
/// </summary>
internal sealed class WebhookSubscription
{
    public const string SecretPrefix = "whsec_";
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Event types, space-separated (see <see cref="EventTypes"/>).</summary>
    public string Events { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public string Secret { get; private set; } = string.Empty;

    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    /// <summary>Deliveries that failed for good since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Who or what disabled it: a staff member, or "system" after repeated failure (with the reason).</summary>
    public string? DisabledReason { get; private set; }

    public DateTimeOffset? LastDeliveryAt { get; private set; }

    public string? LastDeliveryStatus { get; private set; }

    public IReadOnlyList<string> EventTypes => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => Enabled && EventTypes.Contains(eventType, StringComparer.Ordinal);

    public static WebhookSubscription Create(string url, IEnumerable<string> events, string? description, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Url = url,
        Events = string.Join(' ', events.Distinct(StringComparer.Ordinal)),
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        Secret = NewSecret(),
        Enabled = true,
        CreatedAt = now,
        CreatedBy = actor,
    };

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key: the bytes the base64 after <c>whsec_</c> stands for.</summary>
    public byte[] SigningKey() => Convert.FromBase64String(Secret[SecretPrefix.Length..]);

    public void Disable(string reason, DateTimeOffset now)
    {
        Enabled = false;
        DisabledAt = now;
        DisabledReason = reason;
    }

    public void Enable()
    {
        Enabled = true;
        DisabledAt = null;
        DisabledReason = null;
        ConsecutiveFailures = 0;
    }

    /// <summary>
    /// A delivery succeeded. Within a minute of the last success recorded nothing changes: a burst's posts, several in
    /// flight, would otherwise all queue on this one row.
    /// </summary>
    public void Delivered(DateTimeOffset at)
    {
        if (ConsecutiveFailures == 0 && LastDeliveryStatus == nameof(WebhookDeliveryStatus.Sent) && LastDeliveryAt is { } last && at - last < TimeSpan.FromMinutes(1))
        {
            return;
        }

        ConsecutiveFailures = 0;
        LastDeliveryAt = at;
        LastDeliveryStatus = nameof(WebhookDeliveryStatus.Sent);
    }

    /// <summary>A delivery gave up; true when this makes <paramref name="disableAfter"/> in a row and the subscription goes off.</summary>
    public bool DeliveryFailed(DateTimeOffset at, int disableAfter)
    {
        ConsecutiveFailures++;
        LastDeliveryAt = at;
        LastDeliveryStatus = nameof(WebhookDeliveryStatus.Failed);
        if (!Enabled || ConsecutiveFailures < disableAfter)
        {
            return false;
        }

        Disable($"system: {ConsecutiveFailures} deliveries in a row failed after all their attempts", at);
        return true;
    }
}
