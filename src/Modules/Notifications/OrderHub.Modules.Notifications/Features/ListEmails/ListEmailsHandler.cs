using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

internal sealed class ListEmailsHandler(NotificationsDbContext db) : IQueryHandler<ListEmailsQuery, IReadOnlyList<EmailDto>>
{
    public async ValueTask<IReadOnlyList<EmailDto>> Handle(ListEmailsQuery query, CancellationToken cancellationToken)
    {
        var emails = db.EmailMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.OrderNumber))
        {
            emails = emails.Where(e => e.OrderNumber == query.OrderNumber);
        }

        var rows = await emails.OrderByDescending(e => e.CreatedAt).Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(e => new EmailDto(e.Id, e.To, e.Subject, e.OrderNumber, e.Status.ToString(), e.CreatedAt))];
    }
}
