using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Features.CustomerEmails;

namespace OrderHub.Modules.Notifications.Features.EmailTemplates;

/// <summary>Every customer email's template: the built-in one, or the staff's version and who saved it.</summary>
internal sealed record ListEmailTemplatesQuery : IQuery<IReadOnlyList<EmailTemplateDto>>;

internal sealed record GetEmailTemplateQuery(string Type) : IQuery<EmailTemplateDto>;

/// <summary>
/// Saves the staff's version of one email's template. <paramref name="Version"/> is the version the editor started from
/// (0 for the built-in one): when someone saved in between, the save is refused (409) instead of overwriting their work.
/// </summary>
internal sealed record SaveEmailTemplateCommand(string Type, string Subject, string Html, string Text, int Version, string Actor = "") : ICommand<EmailTemplateDto>;

/// <summary>Goes back to the built-in template.</summary>
internal sealed record ResetEmailTemplateCommand(string Type, string Actor = "") : ICommand<EmailTemplateDto>;

/// <summary>Renders a draft (or, with no draft, the template in use) for a sample order, in the brand's layout; nothing is saved or sent.</summary>
internal sealed record PreviewEmailTemplateQuery(string Type, EmailTemplateSource? Draft = null) : IQuery<EmailPreviewDto>;

internal sealed record EmailTemplateRequest(string? Subject, string? Html, string? Text, int Version = 0);

internal sealed record EmailTemplateDto(
    string Type, string Subject, string Html, string Text, bool IsCustom, int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);

internal sealed record EmailPreviewDto(string Type, string Subject, string Html, string Text);

internal static class EmailTemplateTypes
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<CustomerEmailType>();

    /// <summary>The type named (any case); an unknown name is a 404, as for any resource that does not exist.</summary>
    public static CustomerEmailType Parse(string name) =>
        Enum.TryParse<CustomerEmailType>(name, ignoreCase: true, out var type) && Names.Contains(type.ToString()) && !name.Any(char.IsDigit)
            ? type
            : throw new NotFoundException("Email template", name);
}

/// <summary>A template that does not parse is refused with the part, line and column (Liquid's own message).</summary>
internal static class TemplateRules
{
    public static void AddProblems<T>(EmailTemplateSource draft, ValidationContext<T> context)
    {
        foreach (var (field, text) in new[] { ("subject", draft.Subject), ("html", draft.Html), ("text", draft.Text) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                context.AddFailure(field, $"The {field} template is empty: write one (or reset to the built-in template).");
            }
        }

        foreach (var problem in EmailRenderer.Check(draft))
        {
            context.AddFailure(problem.Field, $"The {problem.Field} template does not parse at line {problem.Line}, column {problem.Column}: {problem.Message}");
        }
    }
}

internal sealed class SaveEmailTemplateValidator : AbstractValidator<SaveEmailTemplateCommand>
{
    public SaveEmailTemplateValidator()
    {
        RuleFor(c => c.Version).GreaterThanOrEqualTo(0);
        RuleFor(c => c).Custom((c, context) => TemplateRules.AddProblems(new EmailTemplateSource(c.Subject ?? string.Empty, c.Html ?? string.Empty, c.Text ?? string.Empty), context));
    }
}

internal sealed class PreviewEmailTemplateValidator : AbstractValidator<PreviewEmailTemplateQuery>
{
    public PreviewEmailTemplateValidator() => RuleFor(q => q.Draft!).Custom((draft, context) => TemplateRules.AddProblems(draft, context)).When(q => q.Draft is not null);
}
