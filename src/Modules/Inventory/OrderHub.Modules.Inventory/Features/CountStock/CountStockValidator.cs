using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.CountStock;

internal sealed class CountStockValidator : AbstractValidator<CountStockCommand>
{
    public CountStockValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Bin).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Lot).MaximumLength(64);
        RuleFor(c => c.CountedQuantity).InclusiveBetween(0, 10_000_000).WithMessage("The counted quantity is a whole number from 0.");
        RuleFor(c => c.Note).MaximumLength(500);
    }
}
