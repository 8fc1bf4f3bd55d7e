using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.ReleaseHold;

/// <summary>A person releases a hold with a reason (DOMAIN.md); the placement flow then resumes.</summary>
internal sealed record ReleaseHoldCommand(Guid OrderId, string? Type, string? Reason, string Actor = "") : ICommand<bool>;

internal sealed record ReleaseHoldRequest(string? Reason);

internal sealed class ReleaseHoldValidator : AbstractValidator<ReleaseHoldCommand>
{
    public ReleaseHoldValidator()
    {
        RuleFor(c => c.Type).Must(t => Enum.TryParse<HoldType>(t, ignoreCase: false, out _))
            .WithMessage("Hold type must be one of: Compliance, Payment, Inventory, Fraud, Manual.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).SingleLineText();
    }
}
