using FluentValidation;

namespace OrderHub.Modules.Payments.Features.CapturePayment;

internal static class MoneyValidation
{
    /// <summary>A positive amount in whole cents, below what any gateway accepts as a maximum.</summary>
    public static IRuleBuilderOptions<T, decimal> Money<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThan(0m).LessThanOrEqualTo(999_999.99m).PrecisionScale(8, 2, ignoreTrailingZeros: true);
}
