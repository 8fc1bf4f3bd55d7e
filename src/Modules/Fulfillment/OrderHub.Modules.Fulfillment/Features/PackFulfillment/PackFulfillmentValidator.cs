using FluentValidation;

namespace OrderHub.Modules.Fulfillment.Features.PackFulfillment;

internal sealed class PackFulfillmentValidator : AbstractValidator<PackFulfillmentCommand>
{
    public PackFulfillmentValidator()
    {
        RuleForEach(c => c.Packages).ChildRules(package =>
        {
            package.RuleFor(p => p.Box).MaximumLength(32);
            package.RuleFor(p => p.WeightGrams).InclusiveBetween(1, 70_000);
            package.RuleFor(p => p.Lines).NotEmpty();
            package.RuleForEach(p => p.Lines).ChildRules(line =>
            {
                line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
                line.RuleFor(l => l.Quantity).GreaterThan(0);
            });
        });
    }
}
