using FluentValidation;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.BuildingBlocks.Validation;

/// <summary>Input-shape rules every module's validators share (a 400 naming the field).</summary>
public static class TextRules
{
    /// <summary>
    /// A single-line free-text field (a name, an address line, a reason): no C0 or C1 control character (NUL, tab,
    /// line breaks, DEL, U+0080–U+009F). Null passes: pair with <c>NotEmpty</c> where the field is required.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SingleLineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !HasControlCharacter(text))
            .WithMessage("'{PropertyName}' must not contain control characters (NUL, tab, line breaks, U+007F–U+009F).");

    /// <summary>An active ISO 4217 currency code (<see cref="Currencies"/>); null passes (pair with <c>NotEmpty</c>).</summary>
    public static IRuleBuilderOptions<T, string?> Currency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || Currencies.IsActive(code))
            .WithMessage("Currency must be an active ISO 4217 code such as USD or EUR (not a test code such as XXX or XTS).");

    /// <summary>True when the text holds a C0 (U+0000–U+001F) or C1 (U+007F–U+009F) control character.</summary>
    public static bool HasControlCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
