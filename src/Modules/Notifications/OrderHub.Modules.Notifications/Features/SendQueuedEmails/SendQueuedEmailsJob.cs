using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.SendQueuedEmails;

/// <summary>
/// Sends queued emails over SMTP (every minute, on whichever host). Each email is claimed by a guarded update, so two
/// hosts never send it at once; a sender that dies mid-send loses its claim after the lease. SMTP itself is
/// at-least-once, so every message carries a stable Message-Id (the email's id) for receivers to drop duplicates.
/// </summary>
internal sealed partial class SendQueuedEmailsJob(
    IServiceScopeFactory scopes,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    ILogger<SendQueuedEmailsJob> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.Enabled)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.EmailMessages.AsNoTracking()
            .Where(e => e.Status == EmailStatus.Queued || (e.Status == EmailStatus.Sending && e.LockedUntil < now))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await TryClaimAsync(db, id, cancellationToken) && await SendAsync(db, client, id, smtp, cancellationToken))
            {
                sent++;
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    private async Task<bool> TryClaimAsync(NotificationsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        return await db.EmailMessages
            .Where(e => e.Id == id && (e.Status == EmailStatus.Queued || (e.Status == EmailStatus.Sending && e.LockedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmailStatus.Sending).SetProperty(e => e.LockedUntil, until).SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken) == 1;
    }

    private async Task<bool> SendAsync(NotificationsDbContext db, SmtpClient client, Guid id, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var email = await db.EmailMessages.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = email.OrderNumber ?? string.Empty });
        try
        {
            using var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.Add(MailboxAddress.Parse(email.To));
            message.Subject = email.Subject;
            message.MessageId = $"{email.Id:N}@orderhub";
            message.Body = email.HtmlBody is { } html
                ? new BodyBuilder { TextBody = email.Body, HtmlBody = html }.ToMessageBody() // multipart/alternative: text first, HTML preferred
                : new TextPart("plain") { Text = email.Body };
            await client.SendAsync(message, cancellationToken);

            var sentAt = clock.GetUtcNow();
            await db.EmailMessages.Where(e => e.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, EmailStatus.Sent).SetProperty(e => e.SentAt, sentAt).SetProperty(e => e.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
            LogSent(email.Subject, email.OrderNumber);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var status = email.Attempts >= smtp.MaxAttempts ? EmailStatus.Failed : EmailStatus.Queued;
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            await db.EmailMessages.Where(e => e.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Status, status).SetProperty(e => e.LastError, error).SetProperty(e => e.LockedUntil, (DateTimeOffset?)null),
                CancellationToken.None);
            LogFailed(ex, email.OrderNumber, email.Attempts, status.ToString());
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {Subject} for order {OrderNumber}")]
    private partial void LogSent(string subject, string? orderNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email for order {OrderNumber} failed (attempt {Attempts}); now {Status}")]
    private partial void LogFailed(Exception ex, string? orderNumber, int attempts, string status);
}
