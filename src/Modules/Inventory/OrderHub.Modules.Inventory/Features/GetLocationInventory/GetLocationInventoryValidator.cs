using FluentValidation;

namespace OrderHub.Modules.Inventory.Features.GetLocationInventory;

internal sealed class GetLocationInventoryValidator : AbstractValidator<GetLocationInventoryQuery>
{
    public GetLocationInventoryValidator()
    {
        RuleFor(q => q.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
    }
}
