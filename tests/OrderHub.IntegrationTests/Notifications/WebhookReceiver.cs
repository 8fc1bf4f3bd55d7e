using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// An integrator's endpoint: a real Kestrel server on loopback that records every POST (path, Standard Webhooks headers,
/// body) and answers what the test scripts per path (200 unless told otherwise). Signatures are checked here with an
/// independent implementation: HMAC-SHA256 from System.Security.Cryptography over <c>{id}.{timestamp}.{body}</c>, keyed
/// by the base64-decoded secret after <c>whsec_</c>, compared in constant time.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, Func<int, int>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _mostInFlight = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var path = http.Request.Path.Value ?? "/";
            var inFlight = receiver._inFlight.AddOrUpdate(path, 1, (_, n) => n + 1);
            receiver._mostInFlight.AddOrUpdate(path, inFlight, (_, most) => Math.Max(most, inFlight));
            try
            {
                if (receiver._delays.TryGetValue(path, out var delay))
                {
                    await Task.Delay(delay, http.RequestAborted);
                }
            }
            finally
            {
                receiver._inFlight.AddOrUpdate(path, 0, (_, n) => n - 1);
            }

            var hit = new ReceivedWebhook(
                path,
                http.Request.Headers["webhook-id"].ToString(),
                http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(),
                http.Request.ContentType ?? string.Empty,
                body);
            receiver._received.Enqueue(hit);
            var attempt = receiver._received.Count(r => r.Path == path && r.Id == hit.Id);
            var status = receiver._answers.TryGetValue(path, out var answer) ? answer(attempt) : 200;
            http.Response.StatusCode = status;
            await http.Response.WriteAsync(status >= 300 ? $"receiver says no ({status})" : "ok", http.RequestAborted);
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>What <paramref name="path"/> answers to the n-th POST of one webhook-id (1-based).</summary>
    public void Answer(string path, Func<int, int> statusForAttempt) => _answers[path] = statusForAttempt;

    /// <summary>How long <paramref name="path"/> takes before it answers (a slow integrator).</summary>
    public void Delay(string path, TimeSpan delay) => _delays[path] = delay;

    /// <summary>The most POSTs to <paramref name="path"/> that were being answered at the same time.</summary>
    public int MostInFlight(string path) => _mostInFlight.GetValueOrDefault(path);

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. _received.Where(r => r.Path == path)];

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The Standard Webhooks check, written from the spec (not the package the sender uses).</summary>
    public static bool SignatureIsValid(ReceivedWebhook hit, string secret)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal) || string.IsNullOrEmpty(hit.Id) || !long.TryParse(hit.Timestamp, out _))
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{hit.Id}.{hit.Timestamp}.{hit.Body}"));
        foreach (var part in hit.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("v1,", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(part["v1,".Length..])))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One POST as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    public JsonElement Data => Json.GetProperty("data");
}
