using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.CreateWebhook;

internal sealed partial class CreateWebhookHandler(NotificationsDbContext db, TimeProvider clock, ILogger<CreateWebhookHandler> logger)
    : ICommandHandler<CreateWebhookCommand, CreatedWebhookDto>
{
    public ValueTask<CreatedWebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = WebhookSubscription.Create(command.Url!.Trim(), command.Events!, command.Description, command.Actor, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        LogCreated(command.Actor, subscription.Url, subscription.Events, subscription.Id);
        return ValueTask.FromResult(new CreatedWebhookDto(subscription.Id, subscription.Url, subscription.EventTypes, subscription.Description, subscription.Secret, subscription.Enabled));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} subscribed {Url} to webhooks {Events}: {SubscriptionId}")]
    private partial void LogCreated(string actor, string url, string events, Guid subscriptionId);
}
