using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Features.CustomerEmails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.EmailTemplates;

internal sealed class ListEmailTemplatesHandler(NotificationsDbContext db) : IQueryHandler<ListEmailTemplatesQuery, IReadOnlyList<EmailTemplateDto>>
{
    public async ValueTask<IReadOnlyList<EmailTemplateDto>> Handle(ListEmailTemplatesQuery query, CancellationToken cancellationToken)
    {
        var saved = await db.EmailTemplates.AsNoTracking().ToDictionaryAsync(t => t.Type, cancellationToken);
        return [.. Enum.GetValues<CustomerEmailType>().Select(type => EmailTemplateDtos.Of(type, saved.GetValueOrDefault(type)))];
    }
}

internal sealed class GetEmailTemplateHandler(NotificationsDbContext db) : IQueryHandler<GetEmailTemplateQuery, EmailTemplateDto>
{
    public async ValueTask<EmailTemplateDto> Handle(GetEmailTemplateQuery query, CancellationToken cancellationToken)
    {
        var type = EmailTemplateTypes.Parse(query.Type);
        return EmailTemplateDtos.Of(type, await db.EmailTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Type == type, cancellationToken));
    }
}

internal sealed partial class SaveEmailTemplateHandler(NotificationsDbContext db, EmailTemplateCache cache, TimeProvider clock, ILogger<SaveEmailTemplateHandler> logger)
    : ICommandHandler<SaveEmailTemplateCommand, EmailTemplateDto>
{
    public async ValueTask<EmailTemplateDto> Handle(SaveEmailTemplateCommand command, CancellationToken cancellationToken)
    {
        var type = EmailTemplateTypes.Parse(command.Type);
        var source = new EmailTemplateSource(command.Subject, command.Html, command.Text);
        var template = await db.EmailTemplates.SingleOrDefaultAsync(t => t.Type == type, cancellationToken);
        var current = template?.Version ?? 0;
        if (current != command.Version)
        {
            throw Changed(type, template);
        }

        if (template is null)
        {
            template = EmailTemplate.Create(type, source, command.Actor, clock.GetUtcNow());
            db.EmailTemplates.Add(template);
        }
        else
        {
            template.Change(source, command.Actor, clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) // a concurrent first save (same key) or a concurrent change (version token)
        {
            throw Changed(type, null);
        }

        cache.Forget(type);
        LogSaved(command.Actor, type, template.Version);
        return EmailTemplateDtos.Of(type, template);
    }

    private static ConflictException Changed(CustomerEmailType type, EmailTemplate? now) => new(
        $"The {type} template was saved by {now?.UpdatedBy ?? "someone else"} while you edited it" +
        (now is null ? string.Empty : $" (version {now.Version}, {now.UpdatedAt:yyyy-MM-dd HH:mm} UTC)") +
        ": reload it and apply your change again.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Actor} saved the {Type} email template (version {Version})")]
    private partial void LogSaved(string actor, CustomerEmailType type, int version);
}

internal sealed partial class ResetEmailTemplateHandler(NotificationsDbContext db, EmailTemplateCache cache, ILogger<ResetEmailTemplateHandler> logger)
    : ICommandHandler<ResetEmailTemplateCommand, EmailTemplateDto>
{
    public async ValueTask<EmailTemplateDto> Handle(ResetEmailTemplateCommand command, CancellationToken cancellationToken)
    {
        var type = EmailTemplateTypes.Parse(command.Type);
        if (await db.EmailTemplates.Where(t => t.Type == type).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            cache.Forget(type);
            LogReset(command.Actor, type);
        }

        return EmailTemplateDtos.Of(type, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Actor} reset the {Type} email template to the built-in one")]
    private partial void LogReset(string actor, CustomerEmailType type);
}

internal sealed class PreviewEmailTemplateHandler(NotificationsDbContext db, EmailRenderer renderer, IOptions<BrandOptions> brand)
    : IQueryHandler<PreviewEmailTemplateQuery, EmailPreviewDto>
{
    public async ValueTask<EmailPreviewDto> Handle(PreviewEmailTemplateQuery query, CancellationToken cancellationToken)
    {
        var type = EmailTemplateTypes.Parse(query.Type);
        var source = query.Draft
            ?? (await db.EmailTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Type == type, cancellationToken))?.Source
            ?? DefaultEmailTemplates.For(type);
        var model = EmailModels.Complete(SampleEmailModels.For(type), brand.Value, "Ada Lovelace", "ada@example.com", "OH-100042");
        var email = await renderer.RenderAsync(source, model, cancellationToken);
        return new EmailPreviewDto(type.ToString(), email.Subject, email.Html, email.Text);
    }
}

internal static class EmailTemplateDtos
{
    public static EmailTemplateDto Of(CustomerEmailType type, EmailTemplate? saved)
    {
        var source = saved?.Source ?? DefaultEmailTemplates.For(type);
        return new EmailTemplateDto(type.ToString(), source.Subject, source.Html, source.Text, saved is not null, saved?.Version ?? 0, saved?.UpdatedAt, saved?.UpdatedBy);
    }
}
