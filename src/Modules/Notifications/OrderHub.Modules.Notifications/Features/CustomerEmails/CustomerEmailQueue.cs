using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>
/// Queues one customer email: the staff's template for its type (else the built-in one) rendered for the order's
/// customer. Exactly one per (order, shipment, type): its key is unique, so an event delivered twice, or two events that
/// mean the same thing, queue one email. Runs inside the caller's inbox transaction.
/// </summary>
internal sealed partial class CustomerEmailQueue(
    NotificationsDbContext db, EmailRenderer renderer, EmailTemplateCache templates, IOptions<BrandOptions> brand, TimeProvider clock, ILogger<CustomerEmailQueue> logger)
{
    /// <summary>The email's once-only key: the order, what it is about within the order (a shipment, a refund; none for the order itself), and the type.</summary>
    public static string KeyOf(string orderNumber, Guid? subjectId, CustomerEmailType type) =>
        $"{orderNumber}/{(subjectId is { } id ? id.ToString("N") : "-")}/{type}";

    /// <summary>A date as the emails write it: "Tuesday, December 8, 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <returns>Whether an email was queued (not when one was already, or the customer is unknown).</returns>
    public async Task<bool> QueueAsync(
        CustomerEmailType type, Guid orderId, Guid? subjectId, JsonObject model, Guid causationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var contact = db.CustomerContacts.Local.FirstOrDefault(c => c.OrderId == orderId)
            ?? await db.CustomerContacts.AsNoTracking().SingleOrDefaultAsync(c => c.OrderId == orderId, cancellationToken);
        if (contact is null)
        {
            LogNoContact(logger, type, orderId);
            return false;
        }

        var key = KeyOf(contact.OrderNumber, subjectId, type);
        if (db.EmailMessages.Local.Any(e => e.DedupKey == key) || await db.EmailMessages.AnyAsync(e => e.DedupKey == key, cancellationToken))
        {
            return false;
        }

        var source = await templates.SourceAsync(db, type, cancellationToken);
        EmailModels.Complete(model, brand.Value, contact.Name, contact.Email, contact.OrderNumber);
        var email = await renderer.RenderAsync(source, model, cancellationToken);
        db.EmailMessages.Add(EmailMessage.QueueCustomer(contact.Email, email, contact.OrderNumber, causationId, type.ToString(), key, clock.GetUtcNow()));
        LogQueued(logger, type, contact.OrderNumber);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No customer on file for order {OrderId}; no {Type} email queued")]
    private static partial void LogNoContact(ILogger logger, CustomerEmailType type, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Type} email for {OrderNumber}")]
    private static partial void LogQueued(ILogger logger, CustomerEmailType type, string orderNumber);
}
