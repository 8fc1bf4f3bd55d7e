using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.TransferStock;

internal sealed class TransferStockValidator : AbstractValidator<TransferStockCommand>
{
    public TransferStockValidator()
    {
        RuleFor(c => c.FromLocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.ToLocationCode).NotEmpty().MaximumLength(32)
            .NotEqual(c => c.FromLocationCode).WithMessage("A transfer goes to another location.");
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Quantity).InclusiveBetween(1, 10_000_000).WithMessage("Quantity must be a positive whole number of units.");
        RuleFor(c => c.Lot).MaximumLength(64);
    }
}
