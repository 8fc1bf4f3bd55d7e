using FluentValidation;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Features.ReserveStock;

namespace OrderHub.Modules.Inventory.Features.RequestBackorder;

internal sealed class RequestBackorderValidator : AbstractValidator<RequestBackorderCommand>
{
    public RequestBackorderValidator()
    {
        RuleFor(c => c.ReservationKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Channel).NotEmpty().MaximumLength(30);
        RuleFor(c => c.Priority).InclusiveBetween(-1000, 1000);
        RuleFor(c => c.OrderNumber).MaximumLength(32);
        RuleFor(c => c.Lines).NotEmpty().Must(l => l is null || l.Count <= 200).WithMessage("At most 200 lines.");
        RuleForEach(c => c.Lines).SetValidator(new StockLineValidator());
    }
}
