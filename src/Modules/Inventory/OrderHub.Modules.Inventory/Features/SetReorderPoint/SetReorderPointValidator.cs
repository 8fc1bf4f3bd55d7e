using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.SetReorderPoint;

internal sealed class SetReorderPointValidator : AbstractValidator<SetReorderPointCommand>
{
    public SetReorderPointValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64);
        RuleFor(c => c.ReorderPoint).InclusiveBetween(0, 10_000_000).WithMessage("Reorder point must be zero or a positive whole number of units.");
        RuleFor(c => c.ReorderQuantity).InclusiveBetween(1, 10_000_000).WithMessage("Reorder quantity must be a positive whole number of units.");
        RuleFor(c => c.SupplierLocationCode).MaximumLength(32);
        RuleFor(c => c.LeadTimeDays).InclusiveBetween(0, 365);
    }
}
