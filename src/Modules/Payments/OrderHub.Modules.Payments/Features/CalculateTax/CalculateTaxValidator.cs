using FluentValidation;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Modules.Payments.Features.CalculateTax;

internal sealed class CalculateTaxValidator : AbstractValidator<CalculateTaxQuery>
{
    public CalculateTaxValidator()
    {
        RuleFor(q => q.Country).NotEmpty().Length(2);
        RuleFor(q => q.Region).NotNull().MaximumLength(100);
        RuleFor(q => q.Subtotal).GreaterThanOrEqualTo(0m);
        RuleFor(q => q.Shipping).GreaterThanOrEqualTo(0m);
        RuleFor(q => q.Lines).NotNull();
        RuleForEach(q => q.Lines).ChildRules(l =>
        {
            l.RuleFor(x => x.Quantity).GreaterThanOrEqualTo(0);
            l.RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0m);
            l.RuleFor(x => x.VolumeMl).GreaterThanOrEqualTo(0);
        });
    }
}
