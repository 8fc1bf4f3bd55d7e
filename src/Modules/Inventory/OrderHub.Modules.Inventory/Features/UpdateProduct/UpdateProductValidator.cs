using FluentValidation;
using OrderHub.BuildingBlocks.Validation;

namespace OrderHub.Modules.Inventory.Features.UpdateProduct;

/// <summary>The same limits as a new product (<c>CreateProductValidator</c>).</summary>
internal sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator()
    {
        RuleFor(c => c.Sku).NotEmpty().MaximumLength(64);
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
    }
}
