using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.ListWebhooks;

/// <summary>Every webhook subscription, newest first, without secrets.</summary>
internal sealed record ListWebhooksQuery : IQuery<IReadOnlyList<WebhookDto>>;

/// <summary>A subscription as the API and the back-office show it (never its secret).</summary>
internal sealed record WebhookDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DisabledAt,
    string? DisabledReason,
    DateTimeOffset? LastDeliveryAt,
    string? LastDeliveryStatus);

internal sealed class ListWebhooksHandler(NotificationsDbContext db) : IQueryHandler<ListWebhooksQuery, IReadOnlyList<WebhookDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookSubscriptions.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(s => s.CreatedAt).Select(Dto)];
    }

    internal static WebhookDto Dto(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventTypes, s.Description, s.Enabled, s.CreatedAt, s.CreatedBy, s.DisabledAt, s.DisabledReason, s.LastDeliveryAt, s.LastDeliveryStatus);
}
