using FluentValidation;
using OrderHub.Modules.Compliance.Contracts.Commands;

namespace OrderHub.Modules.Compliance.Features.DecideCompliance;

/// <summary>Shape of a decision request (400); the law itself is applied by the evaluator.</summary>
internal sealed class DecideComplianceValidator : AbstractValidator<DecideComplianceCommand>
{
    public DecideComplianceValidator()
    {
        RuleFor(c => c.DecisionKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.OrderNumber).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Purchaser).NotNull().SetValidator(new PartyValidator());
        RuleFor(c => c.Recipient).NotNull().SetValidator(new PartyValidator());
        RuleFor(c => c.Destination).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x.Line1).NotEmpty().MaximumLength(200);
            a.RuleFor(x => x.Line2).MaximumLength(200);
            a.RuleFor(x => x.City).NotEmpty().MaximumLength(100);
            a.RuleFor(x => x.Region).NotEmpty().MaximumLength(100);
            a.RuleFor(x => x.PostalCode).NotEmpty().MaximumLength(20);
            a.RuleFor(x => x.Country).NotEmpty().MaximumLength(2);
        });
        RuleFor(c => c.ShipFromLocationCode).MaximumLength(32);
        RuleFor(c => c.Lines).NotNull().NotEmpty();
        RuleForEach(c => c.Lines).ChildRules(l =>
        {
            l.RuleFor(x => x.Sku).NotEmpty().MaximumLength(64);
            l.RuleFor(x => x.Quantity).InclusiveBetween(0, 100_000);
            l.RuleFor(x => x.VolumeMl).InclusiveBetween(0, 30_000);
            l.RuleFor(x => x.VolumeMl).GreaterThan(0).When(x => x.IsAlcohol).WithMessage("An alcohol line needs its bottle size in ml.");
            l.RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0);
        });
    }

    private sealed class PartyValidator : AbstractValidator<ComplianceParty>
    {
        public PartyValidator()
        {
            RuleFor(p => p.Email).NotNull().MaximumLength(254);
            RuleFor(p => p.FirstName).NotNull().MaximumLength(100);
            RuleFor(p => p.LastName).NotNull().MaximumLength(100);
        }
    }
}
