using FluentValidation;
using OrderHub.BuildingBlocks.Validation;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Features.CapturePayment;

namespace OrderHub.Modules.Payments.Features.AuthorizePayment;

internal sealed class AuthorizePaymentValidator : AbstractValidator<AuthorizePaymentCommand>
{
    public AuthorizePaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.OrderNumber).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Amount).Money();
        RuleFor(c => c.Currency).NotEmpty().Currency();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(255);
    }
}
