using FluentValidation;
using OrderHub.Modules.Orders.Features.PlaceOrder;

namespace OrderHub.Modules.Orders.Features.ChangeOrder;

/// <summary>Body of <c>POST /api/v1/orders/{id}/changes</c>: the complete new set of lines and/or a new address.</summary>
internal sealed record ChangeOrderRequest(IReadOnlyList<LineInput>? Lines, AddressInput? ShippingAddress, string? Reason);

internal sealed class ChangeOrderValidator : AbstractValidator<ChangeOrderRequest>
{
    public ChangeOrderValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r).Must(r => r.Lines is not null || r.ShippingAddress is not null)
            .WithName("lines").WithMessage("A change needs new lines or a new shipping address.");
        RuleFor(r => r.Lines).Must(l => l is null || l.Count is > 0 and <= 200)
            .WithMessage("The new set of lines holds 1 to 200 lines (cancel the order to remove everything).");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 10_000);
        });
        RuleFor(r => r.ShippingAddress).SetValidator(new AddressValidator()!).When(r => r.ShippingAddress is not null);
    }
}
