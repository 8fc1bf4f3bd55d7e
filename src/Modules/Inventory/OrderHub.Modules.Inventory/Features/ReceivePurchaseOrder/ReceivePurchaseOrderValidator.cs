using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.ReceivePurchaseOrder;

internal sealed class ReceivePurchaseOrderValidator : AbstractValidator<ReceivePurchaseOrderCommand>
{
    public ReceivePurchaseOrderValidator()
    {
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 500).WithMessage("At most 500 lines.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000_000).WithMessage("Quantity must be a positive whole number of units.");
            line.RuleFor(l => l.Lot).MaximumLength(64);
            line.RuleFor(l => l.Bin).MaximumLength(32);
        });
    }
}
