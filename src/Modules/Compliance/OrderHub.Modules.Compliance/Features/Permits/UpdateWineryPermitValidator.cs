using FluentValidation;
using OrderHub.BuildingBlocks.Validation;

namespace OrderHub.Modules.Compliance.Features.Permits;

internal sealed class UpdateWineryPermitValidator : AbstractValidator<UpdateWineryPermitCommand>
{
    public UpdateWineryPermitValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the permit changes.").MaximumLength(1000).SingleLineText();
        RuleFor(c => c.PermitName).MaximumLength(300).SingleLineText();
        RuleFor(c => c.PermitNumber).MaximumLength(100).SingleLineText();
        RuleFor(c => c.LocationCodes).Must(l => l!.Count <= 20).When(c => c.LocationCodes is not null);
        RuleForEach(c => c.LocationCodes).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$");
    }
}
