using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Domain.Webhooks;
using OrderHub.Modules.Notifications.Features.RaiseStaffAlert;
using OrderHub.Modules.Notifications.Persistence;
using StandardWebhooks;

namespace OrderHub.Modules.Notifications.Features.SendWebhooks;

/// <summary>
/// Posts due webhook deliveries (a run every minute, on whichever host), signed the Standard Webhooks way. Each delivery is
/// claimed by a guarded update, so two hosts never post it at once; a sender that dies mid-post loses its claim after
/// the lease and the delivery is posted again with the same <c>webhook-id</c> (receivers drop duplicates by it). A
/// non-2xx answer, a time-out or a refused target is an attempt logged with what happened; the next one follows the
/// back-off (<see cref="WebhookDelivery.Backoff"/>) until the attempts run out, and then the subscription is disabled
/// and staff alerted.
/// </summary>
internal sealed partial class SendWebhooksJob(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<SendWebhooksJob> logger)
{
    public const string HttpClientName = "OrderHub.Webhooks";

    /// <summary>
    /// Sends what is due, batch after batch, until nothing is due or the run's time budget is spent (the next run
    /// carries on): a burst of thousands of events drains within minutes instead of one batch a minute. On a server
    /// database several posts are in flight at once, each with its own unit of work; SQLite has one writer.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var budget = TimeSpan.FromSeconds(options.Value.RunBudgetSeconds);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = await ParallelPostsAsync(), CancellationToken = cancellationToken };
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await DueAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(due, parallel, async (id, ct) =>
            {
                if (await ClaimAndSendAsync(id, ct))
                {
                    Interlocked.Increment(ref sent);
                }
            });
            if (Stopwatch.GetElapsedTime(started) >= budget)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<int> ParallelPostsAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Database.IsSqlite() ? 1 : Math.Max(1, options.Value.MaxParallelPosts);
    }

    private async Task<List<Guid>> DueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => (d.Status == WebhookDeliveryStatus.Queued && d.NextAttemptAt <= now) || (d.Status == WebhookDeliveryStatus.Sending && d.LockedUntil < now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Enabled))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> ClaimAndSendAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return await TryClaimAsync(db, id, cancellationToken) && await SendAsync(scope.ServiceProvider, db, id, cancellationToken);
    }

    private async Task<bool> TryClaimAsync(NotificationsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + TimeSpan.FromSeconds((options.Value.TimeoutSeconds * 2) + 60);
        return await db.WebhookDeliveries
            .Where(d => d.Id == id && ((d.Status == WebhookDeliveryStatus.Queued && d.NextAttemptAt <= now) || (d.Status == WebhookDeliveryStatus.Sending && d.LockedUntil < now)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Sending).SetProperty(d => d.LockedUntil, until).SetProperty(d => d.Attempts, d => d.Attempts + 1),
                cancellationToken) == 1;
    }

    private async Task<bool> SendAsync(IServiceProvider services, NotificationsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["WebhookDeliveryId"] = delivery.Id, ["Subject"] = delivery.Subject ?? string.Empty });
        var started = Stopwatch.GetTimestamp();
        int? statusCode = null;
        string response;
        try
        {
            var timestamp = clock.GetUtcNow();
            var msgId = delivery.Id.ToString();
            var signature = new StandardWebhook(subscription.SigningKey()).Sign(msgId, timestamp, delivery.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", msgId);
            request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", signature);
            request.Headers.UserAgent.ParseAdd("OrderHub-Webhooks/1.0");
            var http = httpClients.CreateClient(HttpClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)answer.StatusCode;
            response = await ReadSomeAsync(answer, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response = $"No answer within {options.Value.TimeoutSeconds} s.";
        }
        catch (HttpRequestException ex)
        {
            response = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message} {inner.Message}" : ex.Message;
        }

        var at = clock.GetUtcNow();
        var duration = Stopwatch.GetElapsedTime(started);
        db.WebhookAttempts.Add(WebhookAttempt.Record(delivery.Id, delivery.Attempts, at, statusCode, response, duration));
        var ok = statusCode is >= 200 and < 300;
        if (ok)
        {
            delivery.Succeeded(at, statusCode!.Value, response);
            subscription.Delivered(at);
            LogSent(delivery.EventType, subscription.Url, statusCode.Value, delivery.Attempts);
        }
        else if (delivery.AttemptFailed(at, statusCode, response, Random.Shared.NextDouble()))
        {
            LogGaveUp(delivery.EventType, subscription.Url, delivery.Attempts, statusCode, response);
            if (subscription.DeliveryFailed(at, options.Value.DisableAfterFailedDeliveries))
            {
                await RaiseDisabledAlertAsync(services, subscription, delivery, cancellationToken);
            }
        }
        else
        {
            LogRetrying(delivery.EventType, subscription.Url, delivery.Attempts, statusCode, delivery.NextAttemptAt);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return ok;
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        var buffer = new char[WebhookDelivery.ResponseMaxLength];
        using var reader = new StreamReader(await answer.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        var text = new string(buffer, 0, read).Trim();
        return text.Length > 0 ? $"{(int)answer.StatusCode} {answer.ReasonPhrase}: {text}" : $"{(int)answer.StatusCode} {answer.ReasonPhrase}";
    }

    private static async Task RaiseDisabledAlertAsync(IServiceProvider services, WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var desk = services.GetRequiredService<StaffAlertDesk>();
        await desk.RaiseAsync(
            new NewStaffAlert(
                AlertKind.WebhookDisabled,
                AlertSeverity.Critical,
                $"Webhook endpoint disabled: {subscription.Url}",
                $"The endpoint did not accept a {delivery.EventType} delivery in {delivery.Attempts} attempts over more than 3 days (last answer: "
                    + $"{delivery.LastResponse}). Ask the integrator to fix their receiver, then enable the subscription again and retry the failed "
                    + "deliveries from its deliveries page; events queued meanwhile are kept and go out once it is enabled.",
                $"/notifications/webhooks/{subscription.Id}/deliveries",
                subscription.Url.Length <= 200 ? subscription.Url : subscription.Url[..200],
                $"WebhookDisabled:{subscription.Id}"),
            delivery.Id,
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventType} delivered to {Url}: {StatusCode} (attempt {Attempts})")]
    private partial void LogSent(string eventType, string url, int statusCode, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} to {Url} failed (attempt {Attempts}, {StatusCode}); next attempt at {NextAttemptAt}")]
    private partial void LogRetrying(string eventType, string url, int attempts, int? statusCode, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {EventType} to {Url} gave up after {Attempts} attempts ({StatusCode}): {Response}")]
    private partial void LogGaveUp(string eventType, string url, int attempts, int? statusCode, string response);
}
