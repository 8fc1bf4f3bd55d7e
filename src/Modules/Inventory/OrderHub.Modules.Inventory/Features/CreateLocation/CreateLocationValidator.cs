using FluentValidation;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Inventory.Domain.Locations;

namespace OrderHub.Modules.Inventory.Features.CreateLocation;

internal sealed class CreateLocationValidator : AbstractValidator<CreateLocationCommand>
{
    private const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    public CreateLocationValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(32).Matches(CodePattern).WithMessage("Code may hold letters, digits, '.', '_' and '-' only.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200).SingleLineText();
        RuleFor(c => c.Type).NotEmpty().Must(t => Enum.TryParse<LocationType>(t, ignoreCase: false, out _))
            .WithMessage("Type must be one of: Warehouse, Store, ThirdParty, Supplier.");
        RuleFor(c => c.Address).NotNull().DependentRules(() =>
        {
            RuleFor(c => c.Address!.Line1).NotEmpty().MaximumLength(200).SingleLineText();
            RuleFor(c => c.Address!.Line2).MaximumLength(200).SingleLineText();
            RuleFor(c => c.Address!.City).NotEmpty().MaximumLength(100).SingleLineText();
            RuleFor(c => c.Address!.Region).NotEmpty().MaximumLength(100).SingleLineText();
            RuleFor(c => c.Address!.PostalCode).NotEmpty().MaximumLength(20).SingleLineText();
            RuleFor(c => c.Address!.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("Country must be an ISO 3166 alpha-2 code such as US.");
        });
        RuleFor(c => c.Bins).Must(b => b is null || b.Count <= 1000).WithMessage("At most 1000 bins.")
            .Must(b => b is null || b.Distinct(StringComparer.Ordinal).Count() == b.Count).WithMessage("Bin codes must be unique.");
        RuleForEach(c => c.Bins).NotEmpty().MaximumLength(32).Matches(CodePattern).WithMessage("Bin codes hold letters, digits, '.', '_' and '-' only.");
    }
}
