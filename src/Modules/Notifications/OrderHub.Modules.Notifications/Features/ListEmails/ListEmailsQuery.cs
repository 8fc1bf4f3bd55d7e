using Mediator;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

internal sealed record ListEmailsQuery(string? OrderNumber) : IQuery<IReadOnlyList<EmailDto>>;

internal sealed record EmailDto(Guid Id, string To, string Subject, string? OrderNumber, string Status, DateTimeOffset CreatedAt);
