using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

internal sealed class ListEmailsHandler(NotificationsDbContext db) : IQueryHandler<ListEmailsQuery, IReadOnlyList<EmailDto>>
{
    public async ValueTask<IReadOnlyList<EmailDto>> Handle(ListEmailsQuery query, CancellationToken cancellationToken)
    {
        var emails = db.EmailMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.OrderNumber))
        {
            emails = emails.Where(e => e.OrderNumber == query.OrderNumber.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var status = Enum.Parse<EmailStatus>(query.Status, ignoreCase: true);
            emails = emails.Where(e => e.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            emails = emails.Where(e => e.Kind == query.Kind.Trim());
        }

        var rows = await emails.OrderByDescending(e => e.CreatedAt).Take(query.Take).ToListAsync(cancellationToken);
        return [.. rows.Select(Dto)];
    }

    public static EmailDto Dto(EmailMessage e) =>
        new(e.Id, e.To, e.Subject, e.OrderNumber, e.Status.ToString(), e.CreatedAt, e.Kind, e.Attempts, e.SentAt, e.LastError);
}
