using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>
/// The template in use per email type, kept for 30 seconds so that queuing an email does not read its template every
/// time. A save on this host applies at once; on the other hosts within the 30 seconds.
/// </summary>
internal sealed class EmailTemplateCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<CustomerEmailType, (EmailTemplateSource Source, DateTimeOffset Until)> _entries = new();

    public async ValueTask<EmailTemplateSource> SourceAsync(NotificationsDbContext db, CustomerEmailType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(type, out var entry) && entry.Until > now)
        {
            return entry.Source;
        }

        var source = (await db.EmailTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Type == type, cancellationToken))?.Source ?? DefaultEmailTemplates.For(type);
        _entries[type] = (source, now + Lifetime);
        return source;
    }

    public void Forget(CustomerEmailType type) => _entries.TryRemove(type, out _);
}
