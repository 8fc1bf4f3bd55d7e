using System.Net;

namespace OrderHub.Web.Areas.Notifications.Controllers;

/// <summary>
/// What the back-office's email frames show: a rendered email with its subject above and its plain-text part below (the
/// editor's preview), or a plain-text email as a page. Served under <c>SecurityHeaders.EmailViewPolicy</c>.
/// </summary>
internal static class EmailPreviewDocument
{
    private const string Note = "font-family:system-ui,sans-serif;font-size:14px;padding:10px 16px;background:#eef2f7;color:#1d2733;margin:0";

    public static string Preview(string subject, string html, string text)
    {
        var top = $"<p style=\"{Note}\" data-testid=\"preview-subject\"><strong>Subject:</strong> {WebUtility.HtmlEncode(subject)}</p>";
        var bottom = $"<div style=\"{Note}\"><strong>Plain-text part</strong><pre data-testid=\"preview-text\" style=\"white-space:pre-wrap\">{WebUtility.HtmlEncode(text)}</pre></div>";
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var open = body < 0 ? -1 : html.IndexOf('>', body);
        var close = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return open < 0 || close < open
            ? Page(subject, top + html + bottom)
            : html[..(open + 1)] + top + html[(open + 1)..close] + bottom + html[close..];
    }

    public static string Problems(IEnumerable<string> problems) =>
        Page("The template does not parse", "<div style=\"" + Note + ";background:#fdecea;color:#7a1c12\" data-testid=\"preview-problems\"><strong>Not rendered:</strong><ul>" +
            string.Concat(problems.Select(p => $"<li>{WebUtility.HtmlEncode(p)}</li>")) + "</ul></div>");

    public static string PlainText(string text) => Page("Email", $"<pre style=\"{Note};white-space:pre-wrap\">{WebUtility.HtmlEncode(text)}</pre>");

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body style=\"margin:0\">{body}</body></html>";
}
