using FluentValidation;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Features.CapturePayment;

namespace OrderHub.Modules.Payments.Features.RefundPayment;

internal sealed class RefundPaymentValidator : AbstractValidator<RefundPaymentCommand>
{
    public RefundPaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Amount).Money();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}
