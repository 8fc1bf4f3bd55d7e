using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.ListWebhookDeliveries;

/// <summary>A subscription's deliveries, newest first; with <see cref="WithAttempts"/>, each one's attempt log.</summary>
internal sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, bool WithAttempts = false, int Max = 200) : IQuery<IReadOnlyList<WebhookDeliveryDto>>;

/// <summary>One delivery: Queued (waiting for its next attempt), Sending, Sent or Failed (attempts used up), with the last answer.</summary>
internal sealed record WebhookDeliveryDto(
    Guid Id,
    string EventType,
    string Status,
    int Attempts,
    int? LastStatusCode,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    string? LastResponse,
    string? Subject,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    string? RetriedBy)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WebhookAttemptDto>? AttemptLog { get; init; }
}

/// <summary>One attempt: when, the HTTP status (null when there was no answer), the answer or error, how long it took.</summary>
internal sealed record WebhookAttemptDto(int Number, DateTimeOffset At, int? StatusCode, string Response, int DurationMs);

internal sealed class ListWebhookDeliveriesHandler(NotificationsDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == query.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Webhook", query.SubscriptionId.ToString());
        }

        var rows = (await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId).ToListAsync(cancellationToken))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(query.Max, 1, 1000)).ToList();
        if (!query.WithAttempts)
        {
            return [.. rows.Select(d => Dto(d))];
        }

        var ids = rows.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return [.. rows.Select(d => Dto(d) with
        {
            AttemptLog = [.. attempts[d.Id].OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new WebhookAttemptDto(a.Number, a.At, a.StatusCode, a.Response, a.DurationMs))],
        })];
    }

    internal static WebhookDeliveryDto Dto(WebhookDelivery d) => new(
        d.Id, d.EventType, d.Status.ToString(), d.Attempts, d.LastStatusCode, d.LastAttemptAt,
        d.Status == WebhookDeliveryStatus.Queued ? d.NextAttemptAt : null, d.LastResponse, d.Subject, d.CreatedAt, d.DeliveredAt, d.RetriedBy);
}

internal static class ListWebhookDeliveriesEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/{id:guid}/deliveries", async (Guid id, bool? attempts, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWebhookDeliveriesQuery(id, attempts ?? false), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's deliveries, newest first: status (Queued, Sending, Sent, Failed), attempts, the last HTTP status and answer, the next attempt.")
            .WithDescription("With ?attempts=true each delivery carries its attempt log (attemptLog). 404 when the subscription is unknown.")
            .Produces<IReadOnlyList<WebhookDeliveryDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
