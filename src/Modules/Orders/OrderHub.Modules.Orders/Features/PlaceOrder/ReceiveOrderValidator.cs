using FluentValidation;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>Shape of a new order (400 with field errors); business rules come later in the placement flow.</summary>
internal sealed class ReceiveOrderValidator : AbstractValidator<ReceiveOrderCommand>
{
    private static readonly string[] ShippingServices = ["Ground", "TwoDay", "Overnight", "Pickup"];

    public ReceiveOrderValidator(TimeProvider clock)
    {
        RuleFor(c => c.Channel).NotEmpty()
            .Must(c => Enum.TryParse<OrderChannel>(c, ignoreCase: false, out _))
            .WithMessage("Channel must be one of: Web, Pos, Phone, Marketplace, Import.");
        RuleFor(c => c.ExternalReference).MaximumLength(100).SingleLineText();
        RuleFor(c => c.ExternalReference).Must(r => !ReshipReferences.IsReserved(r)).When(c => c.Pricing == OrderPricingMode.Catalog)
            .WithMessage($"The prefix '{ReshipReferences.Prefix}' is reserved for replacements of shipped orders (POST /api/v1/orders/<id>/reship).");
        RuleFor(c => c.Customer).NotNull().DependentRules(() =>
        {
            RuleFor(c => c.Customer!.Email).NotEmpty().EmailAddress().MaximumLength(254).SingleLineText();
            RuleFor(c => c.Customer!.FirstName).NotEmpty().MaximumLength(100).SingleLineText();
            RuleFor(c => c.Customer!.LastName).NotEmpty().MaximumLength(100).SingleLineText();
            RuleFor(c => c.Customer!.Phone).MaximumLength(30).SingleLineText();
            RuleFor(c => c.Customer!.DateOfBirth)
                .Must(d => d is null || d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage("Date of birth cannot be in the future.");
        });
        RuleFor(c => c.ShippingAddress).NotNull().SetValidator(new AddressValidator()!);
        RuleFor(c => c.BillingAddress).SetValidator(new AddressValidator()!).When(c => c.BillingAddress is not null);
        RuleFor(c => c.ShippingService).Must(s => s is null || ShippingServices.Contains(s))
            .WithMessage("Shipping service must be one of: Ground, TwoDay, Overnight, Pickup.");
        RuleFor(c => c.Lines).NotEmpty().WithMessage("An order needs at least one line.")
            .Must(l => l is null || l.Count <= 200).WithMessage("An order holds at most 200 lines.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64).SingleLineText();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
        });
        RuleFor(c => c.Payment).ChildRules(p =>
        {
            p.RuleFor(x => x!.Method).Equal("Card").WithMessage("Payment method must be Card.");
            p.RuleFor(x => x!.Token).NotEmpty().MaximumLength(200).SingleLineText()
                .Must(t => !PrepaidTokens.IsPrepaid(t))
                .WithMessage("This token prefix is reserved for orders a marketplace has already charged.");
        }).When(c => c.Payment is not null && !c.PaidAtMarketplace);
        RuleFor(c => c.Payment).ChildRules(p =>
        {
            p.RuleFor(x => x!.Method).Equal("Marketplace");
            p.RuleFor(x => x!.Token).NotEmpty().MaximumLength(200).Must(PrepaidTokens.IsPrepaid);
        }).When(c => c.PaidAtMarketplace);
    }
}

internal sealed class AddressValidator : AbstractValidator<AddressInput>
{
    public AddressValidator()
    {
        RuleFor(a => a.Line1).NotEmpty().MaximumLength(200).SingleLineText();
        RuleFor(a => a.Line2).MaximumLength(200).SingleLineText();
        RuleFor(a => a.City).NotEmpty().MaximumLength(100).SingleLineText();
        RuleFor(a => a.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("Country must be an ISO 3166 alpha-2 code such as US.");
        RuleFor(a => a.Region).NotEmpty().MaximumLength(100).SingleLineText();
        RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20).SingleLineText();
        When(a => a.Country == "US", () =>
        {
            RuleFor(a => a.Region).Must(r => r is not null && UsStates.IsKnown(r))
                .WithMessage("Region must be a US state or DC code such as CA.");
            RuleFor(a => a.PostalCode).Matches(@"^\d{5}(-\d{4})?$").WithMessage("A US ZIP code is 12345 or 12345-6789.");
        });
    }
}
