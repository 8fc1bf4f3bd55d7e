using FluentValidation;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Inventory.Features.ReleaseStock;

internal sealed class ReleaseStockValidator : AbstractValidator<ReleaseStockCommand>
{
    public ReleaseStockValidator()
    {
        RuleFor(c => c.ReservationKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Reason).MaximumLength(200);
    }
}
