using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.QuarantineLot;

internal sealed class QuarantineLotValidator : AbstractValidator<QuarantineLotCommand>
{
    public QuarantineLotValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}
