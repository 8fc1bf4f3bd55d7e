using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Features.CreateWebhook;
using OrderHub.Modules.Notifications.Features.DeleteWebhook;
using OrderHub.Modules.Notifications.Features.EnableWebhook;
using OrderHub.Modules.Notifications.Features.ListWebhookDeliveries;
using OrderHub.Modules.Notifications.Features.ListWebhooks;
using OrderHub.Modules.Notifications.Features.RetryWebhookDelivery;
using OrderHub.Web.Access;
using OrderHub.Web.Areas.Fulfillment.Controllers;

namespace OrderHub.Web.Areas.Notifications.Controllers;

/// <summary>
/// Outbound webhooks (Admin): the subscriptions (url, events, enabled, last delivery), a form to add one (its signing
/// secret shown once, on the page that answers the form), disable/enable/delete, and a deliveries page per subscription
/// (queued, sent, failed with the HTTP answer, attempts, the next attempt) with a Retry button. Thin: it only sends requests.
/// </summary>
[Area("Notifications")]
[Route("notifications/webhooks")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = StaffRoles.Admin)]
public sealed class WebhooksController(ISender sender) : Controller
{
    public static IReadOnlyList<string> EventTypes => WebhookEventTypes.All;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(null, null, cancellationToken) with { Done = TempData["done"] as string });

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(string? url, List<string>? events, string? description, CancellationToken cancellationToken)
    {
        try
        {
            var created = await sender.Send(new CreateWebhookCommand(url?.Trim(), events ?? [], description, Actors.Of(User)), cancellationToken);
            return View(nameof(Index), await PageAsync(null, created, cancellationToken)); // the secret is on this page only, never in a redirect
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await PageAsync(Refusals.Message(ex), null, cancellationToken) with { Url = url, Events = events ?? [], Description = description });
        }
    }

    [HttpPost("{id:guid}/enable"), ValidateAntiForgeryToken]
    public Task<IActionResult> Enable(Guid id, CancellationToken cancellationToken) => ActAsync(id, true, cancellationToken);

    [HttpPost("{id:guid}/disable"), ValidateAntiForgeryToken]
    public Task<IActionResult> Disable(Guid id, CancellationToken cancellationToken) => ActAsync(id, false, cancellationToken);

    [HttpPost("{id:guid}/delete"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new DeleteWebhookCommand(id, Actors.Of(User)), cancellationToken);
            TempData["done"] = "Webhook subscription deleted.";
            return RedirectToAction(nameof(Index));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    [HttpGet("{id:guid}/deliveries")]
    public async Task<IActionResult> Deliveries(Guid id, CancellationToken cancellationToken)
    {
        var page = await DeliveriesPageAsync(id, cancellationToken);
        return page is null ? NotFound() : View(page with { Done = TempData["done"] as string });
    }

    [HttpPost("{id:guid}/deliveries/{deliveryId:guid}/retry"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Retry(Guid id, Guid deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            var delivery = await sender.Send(new RetryWebhookDeliveryCommand(id, deliveryId, Actors.Of(User)), cancellationToken);
            TempData["done"] = $"The {delivery.EventType} delivery{(delivery.Subject is { } s ? $" for {s}" : string.Empty)} is queued to be sent again now.";
            return RedirectToAction(nameof(Deliveries), new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException ex)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            var page = await DeliveriesPageAsync(id, cancellationToken);
            return page is null ? NotFound() : View(nameof(Deliveries), page with { Error = ex.Message });
        }
    }

    private async Task<IActionResult> ActAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        try
        {
            var webhook = await sender.Send(new SetWebhookEnabledCommand(id, enabled, Actors.Of(User)), cancellationToken);
            TempData["done"] = $"{webhook.Url} is {(enabled ? "enabled" : "disabled")}.";
            return RedirectToAction(nameof(Index));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<WebhooksPageModel> PageAsync(string? error, CreatedWebhookDto? created, CancellationToken cancellationToken) =>
        new(await sender.Send(new ListWebhooksQuery(), cancellationToken)) { Error = error, Created = created };

    private async Task<WebhookDeliveriesPageModel?> DeliveriesPageAsync(Guid id, CancellationToken cancellationToken)
    {
        var webhook = (await sender.Send(new ListWebhooksQuery(), cancellationToken)).FirstOrDefault(w => w.Id == id);
        return webhook is null ? null : new WebhookDeliveriesPageModel(webhook, await sender.Send(new ListWebhookDeliveriesQuery(id, WithAttempts: true), cancellationToken));
    }
}

/// <summary>The subscriptions, the one just created (with its secret, shown this once), and what the last action said.</summary>
internal sealed record WebhooksPageModel(IReadOnlyList<WebhookDto> Webhooks)
{
    public CreatedWebhookDto? Created { get; init; }

    public string? Error { get; init; }

    public string? Done { get; init; }

    /// <summary>The form's values when it was refused, so staff correct rather than retype.</summary>
    public string? Url { get; init; }

    public IReadOnlyList<string> Events { get; init; } = [];

    public string? Description { get; init; }
}

internal sealed record WebhookDeliveriesPageModel(WebhookDto Webhook, IReadOnlyList<WebhookDeliveryDto> Deliveries)
{
    public string? Error { get; init; }

    public string? Done { get; init; }
}
