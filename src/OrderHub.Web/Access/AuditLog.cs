using Microsoft.EntityFrameworkCore;

namespace OrderHub.Web.Access;

/// <summary>The audit page's filters: actor, action or text, subject, a date range (UTC days, inclusive), a page.</summary>
public sealed record AuditSearch(string? Actor = null, string? Text = null, string? Subject = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

public sealed record AuditEntryDto(DateTimeOffset At, string Actor, string Action, string? Subject, string Method, string Path, int Status, string? Before, string? After);

public sealed record AuditPage(AuditSearch Search, IReadOnlyList<AuditEntryDto> Entries, int Page, bool HasMore, bool Masked);

/// <summary>Searches the central audit log, newest first, a page at a time; personal data is masked unless <c>showPersonalData</c>.</summary>
public sealed class AuditLog(AccessDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> SearchAsync(AuditSearch search, bool showPersonalData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var page = Math.Max(1, search.Page);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Actor))
        {
            var actor = Pattern(search.Actor);
            query = query.Where(e => EF.Functions.Like(e.Actor.ToLower(), actor));
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // Only an Admin searches inside the recorded bodies: a masked reader must not find an email by guessing it.
            var text = Pattern(search.Text);
            query = query.Where(e => EF.Functions.Like(e.Action.ToLower(), text) || EF.Functions.Like(e.Path.ToLower(), text)
                || (showPersonalData && e.After != null && EF.Functions.Like(e.After.ToLower(), text)));
        }

        if (!string.IsNullOrWhiteSpace(search.Subject))
        {
            var subject = Pattern(search.Subject);
            query = query.Where(e => e.Subject != null && EF.Functions.Like(e.Subject.ToLower(), subject));
        }

        if (search.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At >= start);
        }

        if (search.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At < end);
        }

        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var entries = rows.Take(PageSize).Select(e => showPersonalData
            ? new AuditEntryDto(e.At, e.Actor, e.Action, e.Subject, e.Method, e.Path, e.Status, e.Before, e.After)
            : new AuditEntryDto(e.At, e.Actor, e.Action, e.Subject is null ? null : AuditRedaction.MaskEmails(e.Subject), e.Method,
                AuditRedaction.MaskEmails(e.Path), e.Status, AuditRedaction.MaskPersonalData(e.Before), AuditRedaction.MaskPersonalData(e.After)))
            .ToList();
        return new AuditPage(search with { Page = page }, entries, page, rows.Count > PageSize, !showPersonalData);
    }

    /// <summary>A case-insensitive "contains" that every provider runs the same way (LIKE on lower-cased text).</summary>
    private static string Pattern(string text) => $"%{text.Trim().ToLowerInvariant()}%";
}
