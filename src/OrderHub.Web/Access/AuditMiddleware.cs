using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using OrderHub.BuildingBlocks.Auditing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.Access;

/// <summary>
/// Records every successful mutating request (POST, PUT, PATCH, DELETE) by a signed-in staff user or an API client in
/// the central audit log: one insert, written just before the answer starts (so whoever reads the log next sees it),
/// never for a GET. Runs after authorization, so a refused request never reaches it. The body is kept as "after" with
/// secrets removed (JSON up to <see cref="MaxBufferedBody"/> bytes, or the fields of a form; never uploaded files); an
/// <see cref="IAuditTrail"/> record made during the request replaces the generic entry with a precise one.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, ILogger<AuditMiddleware> logger)
{
    public const string ItemKey = "orderhub.audit";
    public const int MaxBufferedBody = 64 * 1024;
    public const int MaxStoredChars = 8_000;

    private static readonly HashSet<string> NotSubjects = ["area", "controller", "action", "page"];

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        // JSON of a known small size, or of unknown size (chunked): buffered so it can be read again once handled (in
        // memory up to 30 KB, then a temp file); only its first MaxBufferedBody bytes are ever read back.
        var readJson = context.Request.HasJsonContentType() && context.Request.ContentLength is null or (> 0 and <= MaxBufferedBody);
        if (readJson)
        {
            context.Request.EnableBuffering();
        }

        context.Items[ItemKey] = new List<AuditRecord>();
        context.Response.OnStarting(() => WriteAsync(context, readJson));
        await next(context);
    }

    /// <summary>The actor as the audit shows it: "staff:&lt;email&gt;" or "api:&lt;client&gt; (&lt;key prefix&gt;)".</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.KeyPrefixClaim)?.Value is { } prefix ? $"{Actors.Of(user)} ({prefix})" : Actors.Of(user);

    private async Task WriteAsync(HttpContext context, bool readJson)
    {
        var status = context.Response.StatusCode;
        if (status >= 400)
        {
            return;
        }

        try
        {
            var records = context.Items[ItemKey] as List<AuditRecord> ?? [];
            var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var actor = ActorOf(context.User);
            var correlationId = context.Items[CorrelationIdMiddleware.HeaderName] as string;
            var path = Truncate(context.Request.Path.Value ?? "/", 500);
            var method = context.Request.Method;
            var entries = records.Count > 0
                ? records.Select(r => new AuditEntry
                {
                    At = now,
                    Actor = actor,
                    Action = Truncate(r.Action, 200),
                    Subject = r.Subject is null ? null : Truncate(r.Subject, 300),
                    Method = method,
                    Path = path,
                    Status = status,
                    Before = AuditTrail.Serialize(r.Before),
                    After = AuditTrail.Serialize(r.After),
                    CorrelationId = correlationId,
                }).ToList()
                :
                [
                    new AuditEntry
                    {
                        At = now, Actor = actor, Action = Truncate(ActionOf(context), 200), Subject = SubjectOf(context),
                        Method = method, Path = path, Status = status, After = await BodyOf(context, readJson), CorrelationId = correlationId,
                    },
                ];

            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The action itself succeeded: a failed audit write is logged loudly, never turned into a failed answer.
            logger.LogError(ex, "Could not record the audit entry for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
    }

    private static string ActionOf(HttpContext context)
    {
        var values = context.Request.RouteValues;
        if (values["controller"] is string controller)
        {
            return (values["area"] is string area ? area + "." : string.Empty) + controller + "." + values["action"];
        }

        var endpoint = context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText
            ?? context.Request.Path.Value
            ?? "/";
    }

    private static string? SubjectOf(HttpContext context)
    {
        var parts = context.Request.RouteValues
            .Where(v => !NotSubjects.Contains(v.Key) && v.Value is not null)
            .Select(v => $"{v.Key}={v.Value}")
            .ToList();
        return parts.Count == 0 ? null : Truncate(string.Join(' ', parts), 300);
    }

    private static async Task<string?> BodyOf(HttpContext context, bool readJson)
    {
        if (readJson)
        {
            // UTF-8 bytes into a pooled buffer, parsed where they lie: a 64 K char[] and a string copy per request were
            // the largest allocations of an order placed through the API (a large-object-heap array each).
            var body = context.Request.Body;
            body.Position = 0;
            var buffer = ArrayPool<byte>.Shared.Rent(MaxBufferedBody + 1);
            try
            {
                var read = await body.ReadAtLeastAsync(buffer.AsMemory(0, MaxBufferedBody + 1), MaxBufferedBody + 1, throwOnEndOfStream: false, CancellationToken.None);
                body.Position = 0;
                if (read == 0)
                {
                    return null;
                }

                if (read > MaxBufferedBody)
                {
                    return JsonSerializer.Serialize(new { body = $"more than {MaxBufferedBody} bytes, not recorded" });
                }

                return Truncate(AuditRedaction.RemoveSecrets(JsonNode.Parse(buffer.AsSpan(0, read)))?.ToJsonString(AuditRedaction.Readable) ?? "null", MaxStoredChars);
            }
            catch (JsonException)
            {
                return null; // not JSON after all: nothing safe to keep
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        if (context.Request.ContentLength is > MaxBufferedBody && !context.Request.HasFormContentType)
        {
            return JsonSerializer.Serialize(new { body = $"{context.Request.ContentLength} bytes, not recorded" });
        }

        // A form is read by model binding already; never parse one here (it may be a large upload).
        if (context.Features.Get<IFormFeature>()?.Form is not { } form)
        {
            return null;
        }

        var fields = new JsonObject();
        foreach (var (name, values) in form)
        {
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                continue; // the antiforgery token and other framework fields
            }

            fields[name] = AuditRedaction.IsSecret(name) ? AuditRedaction.Removed
                : values.Count == 1 ? JsonValue.Create(values[0])
                : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        if (form.Files.Count > 0)
        {
            fields["files"] = new JsonArray(form.Files.Select(f => (JsonNode?)JsonValue.Create($"{f.FileName} ({f.Length} bytes)")).ToArray());
        }

        return Truncate(fields.ToJsonString(AuditRedaction.Readable), MaxStoredChars);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
