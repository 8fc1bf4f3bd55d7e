using FluentValidation;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Inventory.Features.ReserveStock;

internal sealed class ReserveStockValidator : AbstractValidator<ReserveStockCommand>
{
    public ReserveStockValidator()
    {
        RuleFor(c => c.ReservationKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Channel).NotEmpty().MaximumLength(30);
        RuleFor(c => c.CustomerTag).MaximumLength(64);
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 200).WithMessage("At most 200 lines.");
        RuleForEach(c => c.Lines).SetValidator(new StockLineValidator());
    }
}

internal sealed class StockLineValidator : AbstractValidator<StockLine>
{
    public StockLineValidator()
    {
        RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
        RuleFor(l => l.Quantity).InclusiveBetween(1, 100_000).WithMessage("Quantity must be a positive whole number of units.");
    }
}
