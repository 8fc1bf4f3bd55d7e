using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.DeleteWebhook;

/// <summary>Removes a subscription with its deliveries and their attempts: nothing more is sent to it.</summary>
internal sealed record DeleteWebhookCommand(Guid SubscriptionId, string Actor = "") : ICommand;

internal sealed partial class DeleteWebhookHandler(NotificationsDbContext db, ILogger<DeleteWebhookHandler> logger) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == command.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException("Webhook", command.SubscriptionId.ToString());
        var deliveries = db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription.Id).Select(d => d.Id);
        await db.WebhookAttempts.Where(a => deliveries.Contains(a.DeliveryId)).ExecuteDeleteAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription.Id).ExecuteDeleteAsync(cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        LogDeleted(command.Actor, subscription.Url, subscription.Id);
        return Unit.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} deleted the webhook subscription {Url} ({SubscriptionId})")]
    private partial void LogDeleted(string actor, string url, Guid subscriptionId);
}

internal static class DeleteWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteWebhookCommand(id, Actors.Of(user)), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook")
            .WithSummary("Deletes a webhook subscription with its delivery log; nothing more is sent to it. 404 when unknown.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
