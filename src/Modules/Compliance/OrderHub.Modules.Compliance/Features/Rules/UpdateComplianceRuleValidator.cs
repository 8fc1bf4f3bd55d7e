using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Compliance.Domain.Rules;

namespace OrderHub.Modules.Compliance.Features.Rules;

internal sealed partial class UpdateComplianceRuleValidator : AbstractValidator<UpdateComplianceRuleCommand>
{
    public UpdateComplianceRuleValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the rule changes.").MaximumLength(1000).SingleLineText();
        RuleFor(c => c.Dtc).Must(BeDtc).When(c => c.Dtc is not null).WithMessage("Dtc must be Yes, Limited or No.");
        RuleFor(c => c.DtcChangesTo).Must(BeDtc).When(c => c.DtcChangesTo is not null).WithMessage("DtcChangesTo must be Yes, Limited or No.");
        RuleFor(c => c.DtcChangesOn).NotNull().When(c => c.DtcChangesTo is not null).WithMessage("Give the date the DTC status changes.");
        RuleFor(c => c.AdultSignature).Must(s => Enum.TryParse<SignatureRequirement>(s, out _)).When(c => c.AdultSignature is not null)
            .WithMessage("AdultSignature must be Yes, WithId or NotApplicable.");
        RuleFor(c => c.PermitName).MaximumLength(300).SingleLineText();
        RuleFor(c => c.Conditions).MaximumLength(2000).SingleLineText();
        RuleFor(c => c.Confidence).Must(c => c is "high" or "medium" or "low").When(c => c.Confidence is not null)
            .WithMessage("Confidence must be high, medium or low.");
        RuleFor(c => c.EffectiveDate).MaximumLength(50).SingleLineText()
            .Must(BeEffectiveDate).When(c => c.EffectiveDate is not null)
            .WithMessage("EffectiveDate must be a date as the law table writes it: 2026-08-15, 2025-07, 2025, optionally 'src ' before and a note in brackets after ('2025 (mid-year)'), or 'unknown'.");
        RuleFor(c => c.Sources).MaximumLength(300).SingleLineText();
        RuleFor(c => c.Limits).Must(l => l!.Count <= 5).When(c => c.Limits is not null).WithMessage("At most five limits.");
        RuleForEach(c => c.Limits).Must(BeLimit)
            .WithMessage("A limit reads 'amount, unit, period', unit bottles|cases-of-9L|litres|gallons, period per-shipment|month|2-month|year, optional '(12-mo rolling)', '(Jul-Jun FY)', '(household)'.");
    }

    /// <summary>The forms of the seed table's <c>eff</c> column, with a real calendar date (no 2026-02-30).</summary>
    private static bool BeEffectiveDate(string? text)
    {
        if (string.Equals(text, "unknown", StringComparison.Ordinal))
        {
            return true;
        }

        var match = EffectiveDatePattern().Match(text ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var date = match.Groups["date"].Value;
        var format = date.Length switch { 10 => "yyyy-MM-dd", 7 => "yyyy-MM", _ => "yyyy" };
        return DateOnly.TryParseExact(date, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    [GeneratedRegex(@"^(src )?(?<date>\d{4}(-\d{2}(-\d{2})?)?)( \([^()]{1,30}\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EffectiveDatePattern();

    private static bool BeDtc(string? s) => Enum.TryParse<DtcStatus>(s, out _);

    private static bool BeLimit(string? text)
    {
        try
        {
            _ = VolumeLimit.Parse(text ?? string.Empty);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
