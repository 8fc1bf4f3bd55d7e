namespace OrderHub.Web.Infrastructure;

/// <summary>
/// Who gets an HTML error page instead of an RFC 9457 problem: a browser (it asks for <c>text/html</c>) on a back-office
/// path. <c>/api</c> always answers problems, whatever the client accepts; so do clients that do not ask for HTML.
/// </summary>
internal static class BackOfficeErrors
{
    /// <summary>The error page for an exception (re-executed by the exception handler middleware).</summary>
    public const string ExceptionPath = "/error";

    /// <summary>The error page for a bare status code (re-executed by the status code pages middleware).</summary>
    public const string StatusPathFormat = "/error/{0}";

    public static bool WantsHtml(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/health")
        && context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
