using FluentValidation;

namespace OrderHub.Modules.Fulfillment.Features.CreatePickList;

internal sealed class CreatePickListValidator : AbstractValidator<CreatePickListCommand>
{
    public CreatePickListValidator()
    {
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.MaxOrders).InclusiveBetween(1, 1000);
    }
}
