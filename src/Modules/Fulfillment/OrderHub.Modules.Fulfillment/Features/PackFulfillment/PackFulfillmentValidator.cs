using FluentValidation;

namespace OrderHub.Modules.Fulfillment.Features.PackFulfillment;

internal sealed class PackFulfillmentValidator : AbstractValidator<PackFulfillmentCommand>
{
    public PackFulfillmentValidator(TimeProvider clock)
    {
        RuleFor(c => c.ShipOn)
            .Must(d => d is null || (d.Value >= Today(clock).AddDays(-1) && d.Value <= Today(clock).AddDays(365)))
            .WithMessage("A ship-on date is from today to a year ahead.");
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

    /// <summary>UTC's date, a day of slack either side of the location's own (checked again when the label is bought).</summary>
    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
