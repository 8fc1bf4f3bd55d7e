using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Features.GetEmail;
using OrderHub.Modules.Notifications.Features.ListEmails;
using OrderHub.Modules.Notifications.Features.RetryEmail;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Notifications.Controllers;

/// <summary>
/// Email delivery: every email with where it stands (queued, sending, sent, failed with the mail server's answer), a
/// Retry for failed ones, and each email as the customer got it. Thin: it only sends requests.
/// </summary>
[Area("Notifications")]
[Route("notifications/emails")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = Roles)]
public sealed class EmailsController(ISender sender) : Controller
{
    public const string Roles = $"{StaffRoles.Admin},{StaffRoles.CustomerService}";

    public static IReadOnlyList<string> Statuses { get; } = Enum.GetNames<EmailStatus>();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? orderNumber, CancellationToken cancellationToken) =>
        View(await PageAsync(status, orderNumber, cancellationToken) with { Done = TempData["done"] as string, Error = TempData["error"] as string });

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return View(await sender.Send(new GetEmailQuery(id), cancellationToken));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The HTML body alone, for the page's sandboxed frame (its own strict policy: no script, no form, styles inline).</summary>
    [HttpGet("{id:guid}/html")]
    public async Task<IActionResult> Html(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var email = await sender.Send(new GetEmailQuery(id), cancellationToken);
            return Content(email.Html ?? EmailPreviewDocument.PlainText(email.Text), "text/html; charset=utf-8");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    [HttpPost("{id:guid}/retry"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Retry(Guid id, string? status, string? orderNumber, CancellationToken cancellationToken)
    {
        try
        {
            var email = await sender.Send(new RetryEmailCommand(id, Actors.Of(User)), cancellationToken);
            TempData["done"] = $"Queued again: \"{email.Subject}\" to {email.To}. The mail job sends it within a minute.";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConflictException ex)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await PageAsync(status, orderNumber, cancellationToken) with { Error = ex.Message });
        }

        return RedirectToAction(nameof(Index), new { status = Blank(status), orderNumber = Blank(orderNumber) });
    }

    private async Task<EmailsPageModel> PageAsync(string? status, string? orderNumber, CancellationToken cancellationToken)
    {
        var filter = Blank(status) is { } s && Statuses.Contains(s, StringComparer.OrdinalIgnoreCase) ? s : null;
        return new EmailsPageModel(await sender.Send(new ListEmailsQuery(Blank(orderNumber), filter, Take: 200), cancellationToken), filter, Blank(orderNumber));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed record EmailsPageModel(IReadOnlyList<EmailDto> Emails, string? Status, string? OrderNumber)
{
    public string? Error { get; init; }

    public string? Done { get; init; }
}
