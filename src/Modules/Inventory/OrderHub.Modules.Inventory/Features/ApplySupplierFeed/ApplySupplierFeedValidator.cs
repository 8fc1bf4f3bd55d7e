using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

internal sealed class ApplySupplierFeedValidator : AbstractValidator<ApplySupplierFeedCommand>
{
    public const int MaxItems = 100_000;

    public ApplySupplierFeedValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Items).Cascade(CascadeMode.Stop).NotNull().WithMessage("items is required: the supplier's full stock (an empty list sets every SKU to 0).")
            .Must(i => i!.Count <= MaxItems).WithMessage($"A feed holds at most {MaxItems:N0} SKUs.")
            .Must(i => i!.Where(l => l?.Sku is not null).GroupBy(l => l.Sku!.Trim(), StringComparer.Ordinal).All(g => g.Count() == 1))
            .WithMessage("Each SKU appears once in a feed.");
        RuleForEach(c => c.Items).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Quantity).InclusiveBetween(0, 10_000_000).WithMessage("Quantity must be a whole number of units, 0 or more.");
        });
    }
}
