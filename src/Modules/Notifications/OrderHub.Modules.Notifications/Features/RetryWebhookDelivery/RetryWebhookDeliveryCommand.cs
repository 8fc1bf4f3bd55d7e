using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Features.ListWebhookDeliveries;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.RetryWebhookDelivery;

/// <summary>Sends a delivery again at the sender's next run: a failed one gets a fresh set of attempts; a sent one goes again (same webhook-id).</summary>
internal sealed record RetryWebhookDeliveryCommand(Guid SubscriptionId, Guid DeliveryId, string Actor = "") : ICommand<WebhookDeliveryDto>;

internal sealed partial class RetryWebhookDeliveryHandler(NotificationsDbContext db, TimeProvider clock, ILogger<RetryWebhookDeliveryHandler> logger)
    : ICommandHandler<RetryWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RetryWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == command.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId.ToString());
        var now = clock.GetUtcNow();
        if (delivery.Status == WebhookDeliveryStatus.Sending && delivery.LockedUntil > now)
        {
            throw new ConflictException("The delivery is being sent right now: look again in a minute.");
        }

        delivery.RetryNow(command.Actor, now);
        LogRetried(command.Actor, delivery.EventType, delivery.Id, delivery.Subject);
        return ListWebhookDeliveriesHandler.Dto(delivery);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} asked for the {EventType} webhook delivery {DeliveryId} ({Subject}) to be sent again")]
    private partial void LogRetried(string actor, string eventType, Guid deliveryId, string? subject);
}

internal static class RetryWebhookDeliveryEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", async (Guid id, Guid deliveryId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryWebhookDeliveryCommand(id, deliveryId, Actors.Of(user)), ct)))
            .WithName("RetryWebhookDelivery")
            .WithSummary("Queues a delivery to be sent again now (a failed one gets a fresh set of attempts). 404 when unknown; 409 while it is being sent.")
            .Produces<WebhookDeliveryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
