using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.QueueWebhookDeliveries;

/// <summary>
/// Turns an event into one queued delivery per enabled subscription that wants its type, in the caller's save (an
/// inbox handler's transaction, so the deliveries commit with the inbox row). The body is fixed here:
/// <c>{ type, timestamp, version, data }</c>.
/// </summary>
internal sealed class WebhookQueue(NotificationsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> QueueAsync(string eventType, Guid sourceEventId, DateTimeOffset occurredAt, string? subject, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken))
            .Where(s => s.Wants(eventType))
            .ToList();
        if (subscriptions.Count == 0)
        {
            return 0;
        }

        var already = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SourceEventId == sourceEventId && d.EventType == eventType)
            .Select(d => d.SubscriptionId)
            .ToListAsync(cancellationToken);
        var body = new JsonObject
        {
            ["type"] = eventType,
            ["timestamp"] = occurredAt.ToUniversalTime(),
            ["version"] = WebhookEventTypes.PayloadVersion,
            ["data"] = data,
        }.ToJsonString(Json);
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var subscription in subscriptions.Where(s => !already.Contains(s.Id)))
        {
            db.WebhookDeliveries.Add(WebhookDelivery.Queue(subscription.Id, eventType, sourceEventId, subject, body, now));
            queued++;
        }

        return queued;
    }
}
