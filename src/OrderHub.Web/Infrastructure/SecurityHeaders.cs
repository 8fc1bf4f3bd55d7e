namespace OrderHub.Web.Infrastructure;

/// <summary>
/// Security headers on every answer (pages, API, problem details, Swagger, Hangfire): a Content-Security-Policy,
/// no framing, no MIME sniffing, a referrer cut to the origin across sites. HSTS is added outside Development by
/// <c>UseHsts</c> (it only goes out over HTTPS).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The back-office and everything else: our own files only; no inline script or style at all.</summary>
    public const string DefaultPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI (a developer tool, off in production by default): its index.html loads only its own files, but the
    /// swagger-ui bundle inserts a &lt;style&gt; element and writes style attributes as it renders (Chromium reports both
    /// against style-src 'self'). Attributes cannot be allowed by hash without 'unsafe-hashes', and the hashes would
    /// change with every swagger-ui release, so styles may be inline here, and only here; scripts stay 'self'.
    /// </summary>
    public const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire dashboard: no inline script, but its Chart.js 2.9.4 injects one fixed &lt;style&gt; element
    /// ("/* Chart.js */" and its render-monitor keyframes) when it draws the graphs. That stylesheet is allowed by its
    /// hash, nothing else inline; if a Hangfire upgrade changes it, the browser test of the dashboard fails.
    /// </summary>
    public const string HangfirePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// An email shown in the back-office's sandboxed frame (a sent email, or a template's preview): the HTML a mail client
    /// would get, so styles are inline and images come from anywhere over https; no script, no form, no plugin, and only
    /// our own pages may frame it.
    /// </summary>
    public const string EmailViewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // The path as requested: the Hangfire dashboard moves its prefix into PathBase before the answer starts.
        var path = context.Request.Path;
        var policy = path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase) ? SwaggerPolicy
            : path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase) ? HangfirePolicy
            : IsEmailView(path) ? EmailViewPolicy
            : DefaultPolicy;

        // Set as the answer starts, so error pages and problem details (written after a Response.Clear) carry them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XFrameOptions = policy == EmailViewPolicy ? "SAMEORIGIN" : "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary><c>/notifications/emails/{id}/html</c> and <c>/notifications/email-templates/{type}/preview</c>.</summary>
    private static bool IsEmailView(PathString path) =>
        path.StartsWithSegments("/notifications", StringComparison.OrdinalIgnoreCase)
        && (path.Value!.EndsWith("/html", StringComparison.OrdinalIgnoreCase) || path.Value.EndsWith("/preview", StringComparison.OrdinalIgnoreCase));
}
