using FluentValidation;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Features.CapturePayment;

namespace OrderHub.Modules.Payments.Features.VoidPayment;

internal sealed class VoidPaymentValidator : AbstractValidator<VoidPaymentCommand>
{
    public VoidPaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OrderId).NotEmpty();
        RuleFor(c => c.Amount!.Value).Money().When(c => c.Amount is not null).OverridePropertyName("amount");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}
