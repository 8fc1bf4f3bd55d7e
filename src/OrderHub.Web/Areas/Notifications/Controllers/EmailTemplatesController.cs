using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Features.EmailTemplates;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Notifications.Controllers;

/// <summary>
/// The customer emails' templates: Customer service and Admin read them and preview drafts for a sample order; Admin
/// saves and resets. Preview renders into a sandboxed frame (the form posts into it), so a draft is seen exactly as the
/// customer would see it without being saved. Thin: it only sends requests.
/// </summary>
[Area("Notifications")]
[Route("notifications/email-templates")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = EmailsController.Roles)]
public sealed class EmailTemplatesController(ISender sender) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await sender.Send(new ListEmailTemplatesQuery(), cancellationToken));

    [HttpGet("{type}")]
    public async Task<IActionResult> Edit(string type, CancellationToken cancellationToken)
    {
        try
        {
            var template = await sender.Send(new GetEmailTemplateQuery(type), cancellationToken);
            return View(new EmailTemplatePageModel(template, template.Subject, template.Html, template.Text, template.Version) { Done = TempData["done"] as string });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The template in use, rendered for the sample order (the frame's first content).</summary>
    [HttpGet("{type}/preview")]
    public Task<IActionResult> Preview(string type, CancellationToken cancellationToken) => PreviewAsync(type, null, cancellationToken);

    [HttpPost("{type}/preview"), ValidateAntiForgeryToken]
    public Task<IActionResult> PreviewDraft(string type, string? subject, string? html, string? text, CancellationToken cancellationToken) =>
        PreviewAsync(type, new EmailTemplateSource(subject ?? string.Empty, html ?? string.Empty, text ?? string.Empty), cancellationToken);

    [HttpPost("{type}"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = StaffRoles.Admin)]
    public async Task<IActionResult> Save(string type, string? subject, string? html, string? text, int version, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await sender.Send(new SaveEmailTemplateCommand(type, subject ?? string.Empty, html ?? string.Empty, text ?? string.Empty, version, Actors.Of(User)), cancellationToken);
            TempData["done"] = $"Saved: version {saved.Version}. Emails queued from now on use it.";
            return RedirectToAction(nameof(Edit), new { type = saved.Type });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (ex is ValidationException or ConflictException)
        {
            // The draft is given back beside what is saved now (someone else's version, on a conflict).
            var template = await sender.Send(new GetEmailTemplateQuery(type), cancellationToken);
            Response.StatusCode = ex is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            var problems = ex is ValidationException invalid ? [.. invalid.Errors.Select(e => e.ErrorMessage)] : new[] { ex.Message };
            return View(nameof(Edit), new EmailTemplatePageModel(template, subject ?? string.Empty, html ?? string.Empty, text ?? string.Empty, version) { Problems = problems });
        }
    }

    [HttpPost("{type}/reset"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = StaffRoles.Admin)]
    public async Task<IActionResult> Reset(string type, CancellationToken cancellationToken)
    {
        try
        {
            var template = await sender.Send(new ResetEmailTemplateCommand(type, Actors.Of(User)), cancellationToken);
            TempData["done"] = "Back to the built-in template.";
            return RedirectToAction(nameof(Edit), new { type = template.Type });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> PreviewAsync(string type, EmailTemplateSource? draft, CancellationToken cancellationToken)
    {
        try
        {
            var preview = await sender.Send(new PreviewEmailTemplateQuery(type, draft), cancellationToken);
            return Content(EmailPreviewDocument.Preview(preview.Subject, preview.Html, preview.Text), "text/html; charset=utf-8");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content(EmailPreviewDocument.Problems(ex.Errors.Select(e => e.ErrorMessage)), "text/html; charset=utf-8");
        }
    }
}

/// <summary>The template as saved, and what the editor holds (a refused draft is given back, not lost).</summary>
internal sealed record EmailTemplatePageModel(EmailTemplateDto Saved, string Subject, string Html, string Text, int Version)
{
    public IReadOnlyList<string> Problems { get; init; } = [];

    public string? Done { get; init; }
}
