using System.Text.RegularExpressions;
using MimeKit;
using OrderHub.BuildingBlocks.Modules;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary><c>OrderHub:Notifications:Brand</c>: how the winery's emails look (name, logo, colours) and where customers write back.</summary>
internal sealed partial class BrandOptions : ISelfCheckingOptions
{
    public const string Section = "OrderHub:Notifications:Brand";

    public string Name { get; set; } = "OrderHub";

    /// <summary>An absolute https address of the logo image (about 200 x 60 px), or none for the name in text.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>The header's colour, <c>#rrggbb</c>.</summary>
    public string PrimaryColor { get; set; } = "#5b1a2e";

    /// <summary>The buttons' colour, <c>#rrggbb</c>.</summary>
    public string AccentColor { get; set; } = "#a4343a";

    public string? SupportEmail { get; set; }

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            problems.Add($"{Section}:Name must be the winery's name (1 to 100 characters).");
        }

        if (LogoUrl is not null && (!Uri.TryCreate(LogoUrl, UriKind.Absolute, out var logo) || logo.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{Section}:LogoUrl '{LogoUrl}' is not an absolute https address.");
        }

        foreach (var (name, value) in new[] { (nameof(PrimaryColor), PrimaryColor), (nameof(AccentColor), AccentColor) })
        {
            if (!HexColor().IsMatch(value ?? string.Empty))
            {
                problems.Add($"{Section}:{name} '{value}' is not a colour such as #5b1a2e.");
            }
        }

        if (SupportEmail is not null && !MailboxAddress.TryParse(SupportEmail, out _))
        {
            problems.Add($"{Section}:SupportEmail '{SupportEmail}' is not an email address.");
        }

        return problems;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
