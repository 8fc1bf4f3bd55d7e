using FluentValidation;

namespace OrderHub.Modules.Orders.Features.ConsolidateOrders;

/// <summary>Body of <c>POST /api/v1/orders/{id}/consolidate</c>: the orders to fold into this one.</summary>
internal sealed record ConsolidateOrdersRequest(IReadOnlyList<Guid>? OrderIds, string? Reason);

internal sealed class ConsolidateOrdersValidator : AbstractValidator<ConsolidateOrdersRequest>
{
    public ConsolidateOrdersValidator()
    {
        RuleFor(r => r.OrderIds).NotEmpty().Must(ids => ids is null || ids.Count <= 20).WithMessage("Merge 1 to 20 orders at a time.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
    }
}
