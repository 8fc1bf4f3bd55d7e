using FluentValidation;
using Mediator;
using OrderHub.Modules.Notifications.Domain.Emails;

namespace OrderHub.Modules.Notifications.Features.ListEmails;

/// <summary>The latest emails (newest first), optionally for one order, of one status (Queued, Sending, Sent, Failed) or kind.</summary>
internal sealed record ListEmailsQuery(string? OrderNumber, string? Status = null, string? Kind = null, int Take = 100) : IQuery<IReadOnlyList<EmailDto>>;

/// <summary>An email as the delivery page shows it: where it stands, how many tries, and the mail server's last answer.</summary>
internal sealed record EmailDto(
    Guid Id, string To, string Subject, string? OrderNumber, string Status, DateTimeOffset CreatedAt,
    string? Kind, int Attempts, DateTimeOffset? SentAt, string? LastError);

internal sealed class ListEmailsValidator : AbstractValidator<ListEmailsQuery>
{
    public ListEmailsValidator()
    {
        RuleFor(q => q.Status).Must(s => Enum.TryParse<EmailStatus>(s, ignoreCase: true, out _) && !s!.Any(char.IsDigit))
            .When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithMessage($"Unknown status: use one of {string.Join(", ", Enum.GetNames<EmailStatus>())}.");
        RuleFor(q => q.Kind).MaximumLength(40);
        RuleFor(q => q.Take).InclusiveBetween(1, 500);
    }
}
