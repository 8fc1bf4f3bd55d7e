using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OrderHub.ArchitectureTests.Schemas;

/// <summary>
/// Finds SQL in C# string literals that names a schema or table the scanning module does not own. Only literals are
/// read (comments, identifiers such as <c>orders.Count</c> and namespaces in code are not SQL). A literal offends when
/// it holds <c>schema.x</c> (spaces around the dot only before a quoted name), <c>"schema".x</c>, <c>[schema].x</c> or <c>`schema`.x</c> for a foreign schema (any case,
/// not preceded by a letter, digit or dot, so "OrderHub.Modules.Orders.Contracts" is not a schema), or a foreign
/// SQLite table name <c>schema_Table</c> for a table that owner has. Interpolation holes read as an identifier, so
/// <c>$"orders.{table}"</c> offends too. Not caught: SQL assembled by concatenating a bare <c>"orders"</c>.
/// </summary>
internal sealed class SqlScanner(IEnumerable<SchemaOwner> foreignOwners)
{
    private const string Hole = "hole";

    private readonly List<(SchemaOwner Owner, Regex Pattern)> _patterns = [.. foreignOwners.Select(o => (o, PatternFor(o)))];

    public IEnumerable<string> Offences(string source, string path)
    {
        var root = CSharpSyntaxTree.ParseText(source, path: path).GetRoot();
        foreach (var (text, location) in Literals(root))
        {
            foreach (var (owner, pattern) in _patterns)
            {
                var match = pattern.Match(text);
                if (match.Success)
                {
                    var line = location.GetLineSpan().StartLinePosition.Line + 1;
                    yield return $"{path}:{line} names \"{match.Value}\" of {owner.Name} (schema {owner.Schema})";
                }
            }
        }
    }

    private static Regex PatternFor(SchemaOwner owner)
    {
        var schema = Regex.Escape(owner.Schema);
        var tables = string.Join('|', owner.Tables.Select(t => Regex.Escape(t.StartsWith(owner.Schema + "_", StringComparison.OrdinalIgnoreCase) ? t : $"{owner.Schema}_{t}")));
        var qualified = $@"(?<![\w.])[""\[`]?{schema}[""\]`]?(\.[A-Za-z_]|\s*\.\s*[""\[`])";
        var sqliteTable = $@"(?<![\w.])[""\[`]?({tables})(?!\w)";
        return new Regex($"{qualified}|{sqliteTable}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static IEnumerable<(string Text, Location Location)> Literals(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                    yield return (text, literal.GetLocation());
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    var builder = new StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        builder.Append(content is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : Hole);
                    }

                    yield return (builder.ToString(), interpolated.GetLocation());
                    break;
                default:
                    break;
            }
        }
    }
}
