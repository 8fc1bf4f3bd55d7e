using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Ganss.Xss;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>A template that does not parse: which part, where, and why.</summary>
internal sealed record TemplateProblem(string Field, int Line, int Column, string Message);

/// <summary>
/// Renders a template (Liquid through Fluid) against an email's model. Staff write the templates, so they run with
/// limits (size, steps, output), values are HTML-encoded in the HTML body, and the body is sanitised afterwards (no
/// script, no event handler, no javascript: link) before the brand's layout goes round it.
/// </summary>
internal sealed partial class EmailRenderer(IOptions<BrandOptions> brand)
{
    public const int MaxSourceLength = 20_000;

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Limits = new TemplateOptionsBuilder()
        .WithMaxRecursion(10).WithMaxSteps(20_000).WithMaxOutputSize(200_000).WithMaxCollectionSize(1_000).Build();

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Every part of <paramref name="source"/> that does not parse, with its line and column; empty when all do.</summary>
    public static IReadOnlyList<TemplateProblem> Check(EmailTemplateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<TemplateProblem>();
        foreach (var (field, text) in new[] { ("subject", source.Subject), ("html", source.Html), ("text", source.Text) })
        {
            if (text.Length > MaxSourceLength)
            {
                problems.Add(new TemplateProblem(field, 1, 1, $"The template is {text.Length} characters long; at most {MaxSourceLength}."));
                continue;
            }

            try
            {
                Parser.Parse(text);
            }
            catch (ParseException e)
            {
                problems.Add(new TemplateProblem(field, e.Position?.Line ?? 1, e.Position?.Column ?? 1, e.Message));
            }
        }

        return problems;
    }

    public async Task<RenderedEmail> RenderAsync(EmailTemplateSource source, JsonObject model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        var subject = Whitespace().Replace(await RenderPartAsync(source.Subject, model, null, cancellationToken), " ").Trim();
        if (subject.Length > 300)
        {
            subject = subject[..300];
        }

        var text = await RenderPartAsync(source.Text, model, null, cancellationToken);
        var body = Sanitizer.Sanitize(await RenderPartAsync(source.Html, model, Encoder, cancellationToken));
        return new RenderedEmail(subject, text.Trim() + Environment.NewLine, EmailLayout.Wrap(subject, body, brand.Value));
    }

    private static async Task<string> RenderPartAsync(string source, JsonObject model, TextEncoder? encoder, CancellationToken cancellationToken)
    {
        var template = Parsed.GetOrAdd(source, s => Parser.Parse(s));
        var context = new TemplateContext(model, Limits) { CancellationToken = cancellationToken };
        return encoder is null ? await template.RenderAsync(context) : await template.RenderAsync(context, encoder);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
