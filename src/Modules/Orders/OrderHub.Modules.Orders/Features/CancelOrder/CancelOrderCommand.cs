using FluentValidation;
using Mediator;
using OrderHub.BuildingBlocks.Validation;

namespace OrderHub.Modules.Orders.Features.CancelOrder;

internal sealed record CancelOrderCommand(Guid OrderId, string? Reason, string Actor = "") : ICommand<bool>;

internal sealed record CancelOrderRequest(string? Reason);

internal sealed class CancelOrderValidator : AbstractValidator<CancelOrderCommand>
{
    public CancelOrderValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).SingleLineText();
}
