using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.ReceiveStock;

internal sealed class ReceiveStockValidator : AbstractValidator<ReceiveStockCommand>
{
    public ReceiveStockValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Quantity).InclusiveBetween(1, 10_000_000).WithMessage("Quantity must be a positive whole number of units.");
        RuleFor(c => c.Lot).MaximumLength(64);
        RuleFor(c => c.Bin).MaximumLength(32);
    }
}
