using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrderHub.Web.Infrastructure;

/// <summary>Bound from <c>OrderHub:SignIn</c>: how many back-office sign-in attempts are answered per window.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "OrderHub:SignIn";

    /// <summary>Attempts from one client address per window (all accounts together).</summary>
    public int PerAddressLimit { get; set; } = 20;

    /// <summary>Attempts for one account (email) per window, from any address.</summary>
    public int PerAccountLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Throttles <c>POST /account/login</c> per client address and per account with ASP.NET Core rate limiting, instead of
/// locking the account (which let anyone lock the admin out with five guesses). A throttled attempt is answered 429
/// with a short HTML page; nothing is counted against the account itself.
/// </summary>
internal static class SignInThrottling
{
    private const string AccountItem = "OrderHub.SignIn.Account";

    public const string ThrottledMessage = "Too many sign-in attempts. Wait a few minutes, then try again.";

    /// <summary>How an account appears in logs and partitions: the first 12 hex characters of the SHA-256 of the lower-cased email.</summary>
    public static string AccountHash(string? email)
    {
        var normalized = (email ?? string.Empty).Trim().ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..12];
    }

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        const string section = SignInThrottleOptions.SectionName;
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(section))
            .Validate(o => o.PerAddressLimit >= 1, $"{section}:PerAddressLimit must be at least 1.")
            .Validate(o => o.PerAccountLimit >= 1, $"{section}:PerAccountLimit must be at least 1.")
            .Validate(o => o.Window > TimeSpan.Zero, $"{section}:Window must be positive: set it to a duration such as 00:05:00.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInThrottleOptions>>((o, throttle) =>
        {
            var limits = throttle.Value;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None), _ => Window(limits.PerAddressLimit, limits.Window))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context) && context.Items[AccountItem] is string account
                    ? RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => Window(limits.PerAccountLimit, limits.Window))
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Reads the typed email (the form is buffered for MVC), then applies the limits.</summary>
    public static IApplicationBuilder UseSignInThrottling(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                context.Items[AccountItem] = AccountHash(form["Email"]);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.Value is null or "" or "/";

    private static FixedWindowRateLimiterOptions Window(int limit, TimeSpan window) =>
        new() { PermitLimit = limit, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInThrottling).FullName!)
            .LogWarning("Back-office sign-in throttled for account {AccountHash}", context.Items[AccountItem] as string ?? "(none)");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><title>Too many attempts · OrderHub</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main><section class="card narrow"><h1>Too many attempts</h1><p class="errors">{ThrottledMessage}</p><p><a href="/account/login">Back to sign in</a></p></section></main></body>
            </html>
            """,
            cancellationToken);
    }
}
