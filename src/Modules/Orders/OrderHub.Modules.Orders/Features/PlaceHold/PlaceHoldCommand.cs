using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.PlaceHold;

/// <summary>Staff put an order on hold by hand (Manual or Fraud) before it is picked.</summary>
internal sealed record PlaceHoldCommand(Guid OrderId, string? Type, string? Reason, string Actor = "") : ICommand<bool>;

internal sealed record PlaceHoldRequest(string? Type, string? Reason);

internal sealed class PlaceHoldValidator : AbstractValidator<PlaceHoldCommand>
{
    public PlaceHoldValidator()
    {
        RuleFor(c => c.Type).Must(t => t is nameof(HoldType.Manual) or nameof(HoldType.Fraud))
            .WithMessage("Staff may place Manual or Fraud holds.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).SingleLineText();
    }
}
