using FluentValidation;

namespace OrderHub.Modules.Fulfillment.Features.ConfirmPicks;

internal sealed class ConfirmPicksValidator : AbstractValidator<ConfirmPicksCommand>
{
    public ConfirmPicksValidator()
    {
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Sequence).GreaterThan(0);
            item.RuleFor(i => i.PickedQuantity).GreaterThanOrEqualTo(0);
            item.RuleFor(i => i.Lot).MaximumLength(64);
        });
    }
}
