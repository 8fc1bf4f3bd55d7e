using FluentValidation;
using OrderHub.Modules.Inventory.Domain.Supply;

namespace OrderHub.Modules.Inventory.Features.CreatePurchaseOrder;

internal sealed class CreatePurchaseOrderValidator : AbstractValidator<CreatePurchaseOrderCommand>
{
    public CreatePurchaseOrderValidator()
    {
        RuleFor(c => c.Kind).Must(k => k is null || Enum.TryParse<PurchaseOrderKind>(k, ignoreCase: false, out _))
            .WithMessage("Kind must be Purchase or Release.");
        RuleFor(c => c.SupplierLocationCode).MaximumLength(32);
        RuleFor(c => c.DestinationLocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Reference).MaximumLength(100);
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 500).WithMessage("At most 500 lines.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000_000).WithMessage("Quantity must be a positive whole number of units.");
            line.RuleFor(l => l.ExpectedAt).NotNull().WithMessage("Each line needs the date it is expected.");
        });
    }
}
