using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Features.SendWebhooks;

namespace OrderHub.Modules.Notifications.Features.CreateWebhook;

/// <summary>An integrator subscribes an endpoint to event types; the answer carries the signing secret, shown this once.</summary>
internal sealed record CreateWebhookCommand(string? Url, IReadOnlyList<string>? Events, string? Description, string Actor = "") : ICommand<CreatedWebhookDto>;

/// <summary>The body of <c>POST /api/v1/webhooks</c>.</summary>
internal sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Description);

/// <summary>The new subscription with its signing secret (<c>whsec_...</c>): store it now, it is never shown again.</summary>
internal sealed record CreatedWebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Secret, bool Enabled);

/// <summary>
/// The URL must be absolute https (http only where private targets are allowed) and must not point into a private or
/// loopback network, by address or by what its name resolves to (<see cref="WebhookTargetGuard"/>); the events must
/// be known types.
/// </summary>
internal sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("url is required: the absolute https URL of your receiver.")
            .MaximumLength(WebhookSubscription.UrlMaxLength)
            .CustomAsync(async (url, context, ct) =>
            {
                if (await WebhookTargetGuard.CheckAsync(url, options.Value.AllowPrivateTargets, ct) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
        RuleFor(c => c.Events).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"events is required: one or more of {string.Join(", ", WebhookEventTypes.All)}.");
        RuleForEach(c => c.Events)
            .Must(e => e is not null && WebhookEventTypes.IsKnown(e))
            .WithMessage(c => $"Unknown event type: use {string.Join(", ", WebhookEventTypes.All)}.");
        RuleFor(c => c.Description).MaximumLength(WebhookSubscription.DescriptionMaxLength).SingleLineText().When(c => c.Description is not null);
    }
}
