using FluentValidation;

namespace OrderHub.Modules.Fulfillment.Features.ReportDropshipShipment;

internal sealed class ReportDropshipShipmentValidator : AbstractValidator<ReportDropshipShipmentCommand>
{
    public ReportDropshipShipmentValidator()
    {
        RuleFor(c => c.Carrier).NotEmpty().MaximumLength(32);
        RuleFor(c => c.TrackingNumber).NotEmpty().MaximumLength(64);
    }
}
