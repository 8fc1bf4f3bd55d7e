using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.ReleasePool;

internal sealed class ReleasePoolValidator : AbstractValidator<ReleasePoolCommand>
{
    public ReleasePoolValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(200);
    }
}
