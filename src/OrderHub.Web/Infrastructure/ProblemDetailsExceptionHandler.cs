using System.Data.Common;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Web.Infrastructure;

/// <summary>
/// Maps every exception to an RFC 9457 problem: bad input is never a 500. A browser on a back-office page is left to the
/// HTML error page instead (<see cref="BackOfficeErrors"/>: the middleware re-executes <c>/error</c>, which maps the
/// exception with <see cref="Map"/> too).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a 503 answer asks the client to wait before retrying.</summary>
    internal const string RetryAfterSeconds = "1";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        }

        if (BackOfficeErrors.WantsHtml(httpContext))
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        if (await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }))
        {
            return true;
        }

        // A client that accepts neither JSON nor anything (e.g. only text/html) on /api still gets the problem, not a page.
        problem.Instance ??= httpContext.Request.Path;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors
                .GroupBy(e => ToCamelPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = bad.InnerException is JsonException json ? $"Invalid JSON at '{json.Path}': {FirstLine(json.Message)}" : bad.Message,
        },
        NotFoundException notFound => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"{notFound.Resource} not found.",
            Detail = notFound.Message,
        },
        ConflictException conflict => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with the current state.",
            Detail = conflict.Message,
        },
        BusinessRuleViolationException rule => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "A business rule refused the request.",
            Detail = rule.Message,
            Extensions = { ["rule"] = rule.Rule },
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The resource was changed by someone else; reload and retry.",
        },
        DbUpdateException or DbException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The change conflicts with concurrent work; retry the request.",
        },
        OutOfMemoryException or InsufficientExecutionStackException => new ProblemDetails
        {
            // The host is short of memory for a moment (e.g. a burst under a container's heap cap): a retry with the same
            // Idempotency-Key is safe and usually succeeds, so say so rather than answer a bare 500.
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The server is overloaded for the moment; retry the request with the same Idempotency-Key.",
        },
        OperationCanceledException => new ProblemDetails
        {
            Status = 499,
            Title = "The request was cancelled.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
        },
    };

    /// <summary>"Customer.Email" → "customer.email", "Lines[0].Sku" → "lines[0].sku" (the JSON field path).</summary>
    internal static string ToCamelPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
