using FluentValidation;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Features.ReserveStock;

namespace OrderHub.Modules.Inventory.Features.ReplaceReservation;

internal sealed class ReplaceReservationValidator : AbstractValidator<ReplaceReservationCommand>
{
    public ReplaceReservationValidator()
    {
        RuleFor(c => c.ReservationKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 200).WithMessage("At most 200 lines.");
        RuleForEach(c => c.Lines).SetValidator(new StockLineValidator());
    }
}
