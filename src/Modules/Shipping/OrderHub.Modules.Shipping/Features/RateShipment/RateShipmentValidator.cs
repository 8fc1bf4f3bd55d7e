using FluentValidation;
using OrderHub.BuildingBlocks.Validation;

namespace OrderHub.Modules.Shipping.Features.RateShipment;

/// <summary>Shape of a rating request (400 with field errors); an unknown location is 404 later.</summary>
internal sealed class RateShipmentValidator : AbstractValidator<RateShipmentQuery>
{
    /// <summary>150 lb, the heaviest parcel UPS and FedEx take.</summary>
    public const int MaxWeightGrams = 68_038;

    public RateShipmentValidator()
    {
        RuleFor(q => q.FromLocationCode).NotEmpty().MaximumLength(32).SingleLineText();
        RuleFor(q => q.ContainsAlcohol).NotNull().WithMessage("Say whether the packages hold alcohol (containsAlcohol: true or false).");
        RuleFor(q => q.To).NotNull().DependentRules(() =>
        {
            RuleFor(q => q.To!.Line1).MaximumLength(200).SingleLineText();
            RuleFor(q => q.To!.City).MaximumLength(100).SingleLineText();
            RuleFor(q => q.To!.Country).NotEmpty().Equal("US").WithMessage("Rates are for US destinations (country US).");
            RuleFor(q => q.To!.Region).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("Region must be a US state or DC code such as CA.");
            RuleFor(q => q.To!.PostalCode).NotEmpty().Matches(@"^\d{5}(-\d{4})?$").WithMessage("A US ZIP code is 12345 or 12345-6789.");
        });
        RuleFor(q => q.Packages).NotEmpty().WithMessage("Rate at least one package.")
            .Must(p => p is null || p.Count <= 50).WithMessage("At most 50 packages.");
        RuleForEach(q => q.Packages).NotNull().ChildRules(package =>
        {
            package.RuleFor(p => p.WeightGrams).InclusiveBetween(1, MaxWeightGrams);
            package.RuleFor(p => p.LengthCm).InclusiveBetween(1, 270);
            package.RuleFor(p => p.WidthCm).InclusiveBetween(1, 270);
            package.RuleFor(p => p.HeightCm).InclusiveBetween(1, 270);
        });
    }
}
