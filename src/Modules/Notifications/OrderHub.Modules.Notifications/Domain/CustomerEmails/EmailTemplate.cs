namespace OrderHub.Modules.Notifications.Domain.CustomerEmails;

/// <summary>
/// A staff member's version of one email's template (Liquid): subject, HTML body and plain-text body. Without one, the
/// built-in template applies (<see cref="DefaultEmailTemplates"/>). Versioned so that two editors cannot overwrite each other.
/// </summary>
internal sealed class EmailTemplate
{
    private EmailTemplate()
    {
    }

    public CustomerEmailType Type { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Html { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public static EmailTemplate Create(CustomerEmailType type, EmailTemplateSource source, string by, DateTimeOffset now) =>
        new() { Type = type, Subject = source.Subject, Html = source.Html, Text = source.Text, Version = 1, UpdatedAt = now, UpdatedBy = by };

    public void Change(EmailTemplateSource source, string by, DateTimeOffset now)
    {
        (Subject, Html, Text) = (source.Subject, source.Html, source.Text);
        (Version, UpdatedAt, UpdatedBy) = (Version + 1, now, by);
    }

    public EmailTemplateSource Source => new(Subject, Html, Text);
}

/// <summary>The three Liquid sources of one email.</summary>
internal sealed record EmailTemplateSource(string Subject, string Html, string Text);

/// <summary>One email rendered from its template, ready to queue.</summary>
internal sealed record RenderedEmail(string Subject, string Text, string Html);
