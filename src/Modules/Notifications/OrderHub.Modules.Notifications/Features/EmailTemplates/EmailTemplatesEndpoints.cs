using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;

namespace OrderHub.Modules.Notifications.Features.EmailTemplates;

/// <summary>The customer emails' templates: read, save (with the version edited), preview a draft, reset to the built-in one.</summary>
internal static class EmailTemplatesEndpoints
{
    /// <param name="read">Where reading and previewing go (<c>notifications:read</c>).</param>
    /// <param name="write">Where saving and resetting go (<c>notifications:write</c>).</param>
    public static void Map(IEndpointRouteBuilder read, IEndpointRouteBuilder write)
    {
        var templates = read.MapGroup("/email-templates");
        var changes = write.MapGroup("/email-templates");
        read.MapGet("/email-templates", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEmailTemplatesQuery(), ct)))
            .WithName("ListEmailTemplates")
            .WithSummary($"Every customer email's template ({string.Join(", ", EmailTemplateTypes.Names)}): the staff's version, or the built-in one (isCustom false, version 0).")
            .Produces<IReadOnlyList<EmailTemplateDto>>();
        templates.MapGet("/{type}", async (string type, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetEmailTemplateQuery(type), ct)))
            .WithName("GetEmailTemplate")
            .WithSummary("One email's template (Liquid): subject, html (the body inside the brand's layout) and text.")
            .Produces<EmailTemplateDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        changes.MapPut("/{type}", async (string type, EmailTemplateRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveEmailTemplateCommand(type, request.Subject ?? string.Empty, request.Html ?? string.Empty, request.Text ?? string.Empty, request.Version, Actors.Of(user)), ct)))
            .WithName("SaveEmailTemplate")
            .WithSummary("Saves the staff's version of an email's template; `version` is the version edited (0 for the built-in one).")
            .WithDescription("400 when a part does not parse (the problem names the part, line and column) or is empty; 409 when someone saved since that version.")
            .Produces<EmailTemplateDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapPost("/{type}/preview", async (string type, EmailTemplateRequest? request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PreviewEmailTemplateQuery(type, Draft(request)), ct)))
            .WithName("PreviewEmailTemplate")
            .WithSummary("Renders a draft (or, without a body, the template in use) for a sample order, in the brand's layout: subject, html and text. Nothing is saved or sent.")
            .Produces<EmailPreviewDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        changes.MapDelete("/{type}", async (string type, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResetEmailTemplateCommand(type, Actors.Of(user)), ct)))
            .WithName("ResetEmailTemplate")
            .WithSummary("Goes back to the built-in template.")
            .Produces<EmailTemplateDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static EmailTemplateSource? Draft(EmailTemplateRequest? request) =>
        request is null || (request.Subject is null && request.Html is null && request.Text is null)
            ? null
            : new EmailTemplateSource(request.Subject ?? string.Empty, request.Html ?? string.Empty, request.Text ?? string.Empty);
}
