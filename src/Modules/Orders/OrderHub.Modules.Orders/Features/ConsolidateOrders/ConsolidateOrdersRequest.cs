using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Modules.Orders.Features.ConsolidateOrders;

/// <summary>Body of <c>POST /api/v1/orders/{id}/consolidate</c>: the orders to fold into this one.</summary>
internal record ConsolidateOrdersRequest(IReadOnlyList<Guid>? OrderIds, string? Reason);

/// <summary>Folds the request's orders into the order <see cref="TargetId"/>.</summary>
internal sealed record ConsolidateOrdersCommand : ConsolidateOrdersRequest, IProcessCommand<Unit>
{
    public ConsolidateOrdersCommand(Guid targetId, ConsolidateOrdersRequest request, string idempotencyKey, string actor)
        : base(request)
    {
        TargetId = targetId;
        IdempotencyKey = idempotencyKey;
        Actor = actor;
    }

    public Guid TargetId { get; }

    public string IdempotencyKey { get; }

    public string Actor { get; }
}

internal sealed class ConsolidateOrdersValidator : AbstractValidator<ConsolidateOrdersCommand>
{
    public ConsolidateOrdersValidator()
    {
        RuleFor(r => r.OrderIds).NotEmpty().Must(ids => ids is null || ids.Count <= 20).WithMessage("Merge 1 to 20 orders at a time.");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
    }
}
