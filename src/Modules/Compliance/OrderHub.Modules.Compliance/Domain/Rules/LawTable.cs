using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderHub.Modules.Compliance.Domain.Rules;

/// <summary>
/// Reads the seed table (wine-dtc-law.md, embedded unchanged so it stays readable) into rule contents:
/// one row per state and DC, columns code | state | DTC | winery permit | limit | sig | other conditions | conf | eff | src.
/// </summary>
internal static partial class LawTable
{
    public const string ResourceName = "OrderHub.Modules.Compliance.wine-dtc-law.md";

    public static string ReadEmbedded()
    {
        using var stream = typeof(LawTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<StateRuleContent> ParseEmbedded() => Parse(ReadEmbedded());

    public static IReadOnlyList<StateRuleContent> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var rows = new List<StateRuleContent>();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 10 || !StateCodePattern().IsMatch(cells[0]))
            {
                continue; // header and separator rows
            }

            rows.Add(ParseRow(cells));
        }

        return rows;
    }

    private static StateRuleContent ParseRow(string[] c)
    {
        var (dtc, changesTo, changesOn) = ParseDtc(c[2]);
        var permit = c[3];
        var permitRequired = !permit.StartsWith("none", StringComparison.OrdinalIgnoreCase);
        var signature = c[5] switch
        {
            var s when s.StartsWith("+ID", StringComparison.OrdinalIgnoreCase) => SignatureRequirement.WithId,
            "Yes" => SignatureRequirement.Yes,
            _ => SignatureRequirement.NotApplicable,
        };
        return new StateRuleContent(
            c[0], c[1], dtc, changesTo, changesOn, permitRequired, permitRequired ? permit : null,
            VolumeLimit.ParseList(c[4]), signature, c[6], c[7], c[8], c[9]);
    }

    private static (DtcStatus Dtc, DtcStatus? ChangesTo, DateOnly? ChangesOn) ParseDtc(string text)
    {
        var future = FutureDtcPattern().Match(text);
        var now = Enum.Parse<DtcStatus>(text.Split(' ')[0], ignoreCase: true);
        return future.Success
            ? (now, Enum.Parse<DtcStatus>(future.Groups[1].Value, ignoreCase: true), DateOnly.ParseExact(future.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : (now, null, null);
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex StateCodePattern();

    [GeneratedRegex(@"\((\w+) from (\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex FutureDtcPattern();
}
