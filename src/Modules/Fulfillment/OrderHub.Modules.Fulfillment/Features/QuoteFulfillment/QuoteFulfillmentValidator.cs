using FluentValidation;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Fulfillment.Estimates;

namespace OrderHub.Modules.Fulfillment.Features.QuoteFulfillment;

/// <summary>Shape of a cart to quote (400 with field errors); unknown SKUs and carts nothing can ship are 422 later.</summary>
internal sealed class QuoteFulfillmentValidator : AbstractValidator<QuoteFulfillmentQuery>
{
    public QuoteFulfillmentValidator()
    {
        RuleFor(q => q.Lines).NotEmpty().WithMessage("A quote needs at least one line.")
            .Must(l => l is null || l.Count <= 200).WithMessage("A quote holds at most 200 lines.");
        RuleForEach(q => q.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64).SingleLineText();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
        });
        RuleFor(q => q.ShippingAddress).NotNull().DependentRules(() =>
        {
            RuleFor(q => q.ShippingAddress!.Line1).MaximumLength(200).SingleLineText();
            RuleFor(q => q.ShippingAddress!.Line2).MaximumLength(200).SingleLineText();
            RuleFor(q => q.ShippingAddress!.City).MaximumLength(100).SingleLineText();
            RuleFor(q => q.ShippingAddress!.Region).NotEmpty().MaximumLength(100).SingleLineText();
            RuleFor(q => q.ShippingAddress!.PostalCode).NotEmpty().MaximumLength(20).SingleLineText();
            RuleFor(q => q.ShippingAddress!.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("Country must be an ISO 3166 alpha-2 code such as US.");
            When(q => q.ShippingAddress!.Country == "US", () =>
            {
                RuleFor(q => q.ShippingAddress!.Region).Matches("^[A-Za-z]{2}$").WithMessage("Region must be a US state or DC code such as CA.");
                RuleFor(q => q.ShippingAddress!.PostalCode).Matches(@"^\d{5}(-\d{4})?$").WithMessage("A US ZIP code is 12345 or 12345-6789.");
            });
        });
        RuleFor(q => q.ShippingService).Must(DeliveryEstimate.IsKnownService)
            .WithMessage($"Shipping service must be one of: {string.Join(", ", DeliveryEstimate.Services)}.");
        RuleFor(q => q.Channel).MaximumLength(32).SingleLineText();
    }
}
