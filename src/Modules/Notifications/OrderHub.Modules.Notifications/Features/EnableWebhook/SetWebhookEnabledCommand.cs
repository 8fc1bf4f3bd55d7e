using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Features.ListWebhooks;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.EnableWebhook;

/// <summary>Turns a subscription off (nothing is queued or sent for it) or back on (its queued deliveries go out again).</summary>
internal sealed record SetWebhookEnabledCommand(Guid SubscriptionId, bool Enabled, string Actor = "") : ICommand<WebhookDto>;

internal sealed partial class SetWebhookEnabledHandler(NotificationsDbContext db, TimeProvider clock, ILogger<SetWebhookEnabledHandler> logger)
    : ICommandHandler<SetWebhookEnabledCommand, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(SetWebhookEnabledCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == command.SubscriptionId, cancellationToken)
            ?? throw new NotFoundException("Webhook", command.SubscriptionId.ToString());
        if (command.Enabled)
        {
            subscription.Enable();
        }
        else if (subscription.Enabled)
        {
            subscription.Disable($"by {command.Actor}", clock.GetUtcNow());
        }

        LogChanged(command.Actor, command.Enabled ? "enabled" : "disabled", subscription.Url, subscription.Id);
        return ListWebhooksHandler.Dto(subscription);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} {Change} the webhook subscription {Url} ({SubscriptionId})")]
    private partial void LogChanged(string actor, string change, string url, Guid subscriptionId);
}

internal static class SetWebhookEnabledEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/{id:guid}/enable", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetWebhookEnabledCommand(id, true, Actors.Of(user)), ct)))
            .WithName("EnableWebhook")
            .WithSummary("Enables a subscription again (after it was disabled by staff or after repeated failure); its queued deliveries go out.")
            .Produces<WebhookDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/{id:guid}/disable", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetWebhookEnabledCommand(id, false, Actors.Of(user)), ct)))
            .WithName("DisableWebhook")
            .WithSummary("Disables a subscription: no new deliveries are queued for it and queued ones wait until it is enabled.")
            .Produces<WebhookDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
