using System.Globalization;
using System.Text;
using OrderHub.Modules.Compliance.Contracts.Commands;

namespace OrderHub.Modules.Compliance.Domain.Decisions;

/// <summary>
/// How the same consumer is recognised across orders: the lower-cased email, or the normalised name + address
/// (Person), or the normalised address alone (Address, for household/address limits).
/// Normalising: upper case, accents removed, punctuation dropped, whitespace collapsed, common street words
/// abbreviated (STREET → ST, AVENUE → AVE ...), ZIP cut to five digits.
/// </summary>
internal sealed record ConsumerKeys(string Email, string Person, string Address)
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["STREET"] = "ST",
        ["AVENUE"] = "AVE",
        ["ROAD"] = "RD",
        ["DRIVE"] = "DR",
        ["BOULEVARD"] = "BLVD",
        ["LANE"] = "LN",
        ["COURT"] = "CT",
        ["PLACE"] = "PL",
        ["APARTMENT"] = "APT",
        ["SUITE"] = "STE",
        ["NORTH"] = "N",
        ["SOUTH"] = "S",
        ["EAST"] = "E",
        ["WEST"] = "W",
        ["HIGHWAY"] = "HWY",
        ["PARKWAY"] = "PKWY",
        ["TERRACE"] = "TER",
        ["CIRCLE"] = "CIR",
    };

    public static ConsumerKeys For(ComplianceParty recipient, ComplianceAddress destination)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(destination);
        var zip = new string(destination.PostalCode.Where(char.IsAsciiLetterOrDigit).ToArray());
        if (destination.Country.Trim().Equals("US", StringComparison.OrdinalIgnoreCase) && zip.Length > 5)
        {
            zip = zip[..5];
        }

        var address = string.Join('|', Normalise(destination.Line1), Normalise(destination.Line2), Normalise(destination.City),
            Normalise(destination.Region), zip.ToUpperInvariant(), Normalise(destination.Country));
        var name = $"{Normalise(recipient.FirstName)} {Normalise(recipient.LastName)}";
        return new ConsumerKeys(recipient.Email.Trim().ToLowerInvariant(), Truncate($"{name}|{address}"), Truncate(address));
    }

    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(ch) ? char.ToUpperInvariant(ch) : ' ');
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.TryGetValue(w, out var a) ? a : w));
    }

    private static string Truncate(string s) => s.Length <= 400 ? s : s[..400];
}
