using FluentValidation;
using OrderHub.BuildingBlocks.Validation;

namespace OrderHub.Modules.Inventory.Features.CreateProduct;

internal sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator()
    {
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("SKU may hold letters, digits, '.', '_' and '-' only.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200).SingleLineText();
        RuleFor(c => c.Price).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        RuleFor(c => c.Currency).NotEmpty().Currency();
        RuleFor(c => c.WeightGrams).InclusiveBetween(0, 1_000_000);
        RuleFor(c => c.Varietal).MaximumLength(100).SingleLineText();
        RuleFor(c => c.Appellation).MaximumLength(100).SingleLineText();
        RuleFor(c => c.Vintage).InclusiveBetween(1800, 2200);
        RuleFor(c => c.VolumeMl).InclusiveBetween(1, 30_000);
        RuleFor(c => c.UnitsPerCase).InclusiveBetween(1, 100);
        RuleFor(c => c.Abv).InclusiveBetween(0m, 99.99m);
        RuleFor(c => c.Components).Must(c => c is null || c.Count <= 50).WithMessage("A kit holds at most 50 components.")
            .Must(c => c is null || c.Select(x => x.Sku).Distinct(StringComparer.Ordinal).Count() == c.Count).WithMessage("Each component SKU may appear once.");
        RuleForEach(c => c.Components).ChildRules(component =>
        {
            component.RuleFor(x => x.Sku).NotEmpty().MaximumLength(64);
            component.RuleFor(x => x.Quantity).InclusiveBetween(1, 1000);
        });
    }
}
