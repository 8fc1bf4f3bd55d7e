using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderHub.Web.Access;

/// <summary>
/// What the audit keeps and what it shows: secrets (passwords, tokens, keys, card fields) are removed before a body is
/// stored; personal data (emails, names, phones, addresses, birth dates) is masked when shown to anyone but an Admin.
/// </summary>
public static partial class AuditRedaction
{
    public const string Removed = "[removed]";

    /// <summary>Readable JSON ("•••", "José" as such, not \u escapes): the page HTML-encodes what it shows.</summary>
    public static readonly JsonSerializerOptions Readable = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public const string Masked = "•••";

    private static readonly string[] SecretMarkers =
        ["password", "passwd", "token", "secret", "key", "card", "cvv", "cvc", "iban", "accountnumber", "pan"];

    private static readonly string[] PersonalMarkers =
        ["email", "name", "phone", "address", "line1", "line2", "street", "city", "postal", "zip", "birth", "dob"];

    public static bool IsSecret(string field)
    {
        var f = field.ToLowerInvariant();
        return f == "pan" || SecretMarkers.Any(m => m != "pan" && f.Contains(m, StringComparison.Ordinal));
    }

    public static bool IsPersonal(string field)
    {
        var f = field.ToLowerInvariant();
        return PersonalMarkers.Any(m => f.Contains(m, StringComparison.Ordinal));
    }

    /// <summary>Replaces the value of every secret field (at any depth) by <see cref="Removed"/>.</summary>
    public static JsonNode? RemoveSecrets(JsonNode? node)
    {
        Walk(node, (name, _) => IsSecret(name) ? JsonValue.Create(Removed) : null);
        return node;
    }

    /// <summary>Masks personal fields and any email address in a stored JSON text (a text that is not JSON is masked as text).</summary>
    public static string? MaskPersonalData(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return json;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return MaskEmails(json);
        }

        if (node is JsonValue single)
        {
            return single.TryGetValue(out string? text) ? JsonSerializer.Serialize(MaskEmails(text), Readable) : json;
        }

        Walk(node, (name, value) => IsPersonal(name) ? MaskValue(value) : null);
        MaskStrings(node);
        return node?.ToJsonString(Readable);
    }

    /// <summary>"jane.doe@example.com" → "j***@example.com" wherever an email address appears in the text.</summary>
    public static string MaskEmails(string text) =>
        EmailPattern().Replace(text, m => m.Groups["local"].Value[0] + "***@" + m.Groups["domain"].Value);

    private static JsonNode? MaskValue(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) && s.Contains('@', StringComparison.Ordinal) => JsonValue.Create(MaskEmails(s)),
        JsonValue => JsonValue.Create(Masked),
        JsonArray a => new JsonArray(a.Select(MaskValue).ToArray()),
        _ => JsonValue.Create(Masked), // an object under a personal name ("address": {...}) is masked whole
    };

    private static void MaskStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue(out string? s) && s.Contains('@', StringComparison.Ordinal))
                    {
                        o[name] = MaskEmails(s);
                    }
                    else
                    {
                        MaskStrings(child);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue(out string? s) && s.Contains('@', StringComparison.Ordinal))
                    {
                        a[i] = MaskEmails(s);
                    }
                    else
                    {
                        MaskStrings(a[i]);
                    }
                }

                break;
        }
    }

    /// <summary>Calls <paramref name="replace"/> for each property; a non-null answer replaces the value (and is not walked).</summary>
    private static void Walk(JsonNode? node, Func<string, JsonNode?, JsonNode?> replace)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    var replacement = replace(name, child);
                    if (replacement is not null)
                    {
                        o[name] = replacement;
                    }
                    else
                    {
                        Walk(child, replace);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, replace);
                }

                break;
        }
    }

    [GeneratedRegex(@"(?<local>[A-Za-z0-9._%+\-]+)@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})")]
    private static partial Regex EmailPattern();
}
