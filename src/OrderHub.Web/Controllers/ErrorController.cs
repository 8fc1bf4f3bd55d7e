using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.Controllers;

/// <summary>
/// The back-office error pages (a browser never sees a JSON problem): an exception is mapped as the API maps it
/// (<see cref="ProblemDetailsExceptionHandler.Map"/>: 404 not found, 400 with the fields, 409, 422, 500 with a trace id);
/// a bare status (an unknown page, a refused antiforgery token) gets its page too. Any verb: a failed POST lands here.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error")]
    public IActionResult Exception()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is null)
        {
            return Page(ErrorPageModel.ForStatus(StatusCodes.Status404NotFound, Request.Path));
        }

        var problem = ProblemDetailsExceptionHandler.Map(failure.Error);
        var status = problem.Status is >= 400 and < 600 ? problem.Status.Value : StatusCodes.Status500InternalServerError;
        var model = new ErrorPageModel(
            status,
            problem.Title ?? ReasonPhrases.GetReasonPhrase(status),
            status >= 500 ? null : problem.Detail,
            problem is HttpValidationProblemDetails validation ? validation.Errors : new Dictionary<string, string[]>(),
            failure.Path,
            failure.Error is NotFoundException notFound ? notFound.Resource : null);
        return Page(model);
    }

    [Route("error/{code:int}")]
    public IActionResult Status(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        return Page(ErrorPageModel.ForStatus(code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound, original?.OriginalPath ?? Request.Path));
    }

    private ViewResult Page(ErrorPageModel model)
    {
        Response.StatusCode = model.Status;
        return View("Error", model with { TraceId = HttpContext.Items[CorrelationIdMiddleware.HeaderName] as string ?? HttpContext.TraceIdentifier });
    }
}

/// <summary>What an error page says: the status, what went wrong, which fields (400), and where to go back to.</summary>
public sealed record ErrorPageModel(int Status, string Title, string? Detail, IDictionary<string, string[]> Errors, string Path, string? Resource)
{
    public string? TraceId { get; init; }

    /// <summary>The section the failed page belongs to ("/orders" for "/orders/{id}"), the way back.</summary>
    public string BackHref => Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } segments && segments[0] is not "error" ? $"/{segments[0]}" : "/";

    public static ErrorPageModel ForStatus(int status, string path) => status switch
    {
        StatusCodes.Status404NotFound => new(status, "Page not found.", "There is no page at this address.", new Dictionary<string, string[]>(), path, null),
        StatusCodes.Status400BadRequest => new(status, "The request could not be accepted.", "The form may have expired: go back, reload the page and try again.", new Dictionary<string, string[]>(), path, null),
        StatusCodes.Status403Forbidden => new(status, "Access denied.", "Your role does not allow this.", new Dictionary<string, string[]>(), path, null),
        _ => new(status, ReasonPhrases.GetReasonPhrase(status), null, new Dictionary<string, string[]>(), path, null),
    };
}
