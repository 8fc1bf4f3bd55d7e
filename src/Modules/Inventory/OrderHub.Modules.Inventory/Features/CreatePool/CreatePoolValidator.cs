using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.CreatePool;

internal sealed class CreatePoolValidator : AbstractValidator<CreatePoolCommand>
{
    public CreatePoolValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("Name must be letters, digits, '.', '_' or '-' (it is part of the pool's URL).");
        RuleFor(c => c.Channel).NotEmpty().MaximumLength(30);
        RuleFor(c => c.CustomerTag).MaximumLength(64);
        RuleFor(c => c.Priority).InclusiveBetween(-1000, 1000);
        RuleFor(c => c.ReleaseAt).NotNull();
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 200).WithMessage("At most 200 lines.");
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.LocationCode).NotEmpty().MaximumLength(32);
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000_000).WithMessage("Quantity must be a positive whole number of units.");
        });
    }
}
