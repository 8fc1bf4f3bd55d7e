using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.AdjustStock;

internal sealed class AdjustStockValidator : AbstractValidator<AdjustStockCommand>
{
    public AdjustStockValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Quantity).NotEqual(0).WithMessage("Quantity is the signed change of on-hand and cannot be 0.")
            .InclusiveBetween(-10_000_000, 10_000_000);
        RuleFor(c => c.Reason).NotEmpty().Must(r => Enum.TryParse<AdjustmentReason>(r, ignoreCase: false, out _))
            .WithMessage($"Reason must be one of: {string.Join(", ", Enum.GetNames<AdjustmentReason>())}.");
        RuleFor(c => c.Bin).MaximumLength(32);
        RuleFor(c => c.Lot).MaximumLength(64);
        RuleFor(c => c.Note).MaximumLength(500);
    }
}
