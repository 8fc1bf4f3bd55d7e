using System.Net;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>
/// The HTML around every customer email: the brand's header (logo or name on its colour), the body, a footer. Tables and
/// inline styles, as mail clients render them; the brand's values are checked at start and encoded here.
/// </summary>
internal static class EmailLayout
{
    public static string Wrap(string subject, string body, BrandOptions brand)
    {
        var name = WebUtility.HtmlEncode(brand.Name);
        var header = brand.LogoUrl is { } logo
            ? $"<img src=\"{WebUtility.HtmlEncode(logo)}\" alt=\"{name}\" height=\"48\" style=\"display:block;border:0\">"
            : $"<span style=\"font-size:22px;font-weight:bold;color:#ffffff\">{name}</span>";
        var support = brand.SupportEmail is { } email
            ? $" &middot; <a href=\"mailto:{WebUtility.HtmlEncode(email)}\" style=\"color:#6b6b6b\">{WebUtility.HtmlEncode(email)}</a>"
            : string.Empty;
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(subject)}</title>
            <style>a.button{"{"}display:inline-block;background:{brand.AccentColor};color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold{"}"}</style></head>
            <body style="margin:0;padding:0;background:#f4f1ec;font-family:Georgia,'Times New Roman',serif;color:#2b2b2b">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f1ec"><tr><td align="center" style="padding:24px 8px">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px;overflow:hidden">
            <tr><td style="background:{brand.PrimaryColor};padding:18px 24px">{header}</td></tr>
            <tr><td style="padding:24px;font-size:16px;line-height:1.5">{body}</td></tr>
            <tr><td style="padding:16px 24px;font-size:12px;color:#6b6b6b;border-top:1px solid #eeeeee">{name}{support}</td></tr>
            </table></td></tr></table></body></html>
            """;
    }
}
