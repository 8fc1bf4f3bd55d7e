using FluentValidation;
using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Payments.Features.CapturePayment;

internal sealed class CapturePaymentValidator : AbstractValidator<CapturePaymentCommand>
{
    public CapturePaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Amount).Money();
    }
}
