using FluentValidation;

namespace OrderHub.Modules.Fulfillment.Features.ReportDropshipShipment;

internal sealed class ReportDropshipShipmentValidator : AbstractValidator<ReportDropshipShipmentCommand>
{
    /// <summary>Clocks differ: a shipment reported a little ahead of ours is accepted, a day ahead is a typo.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    public ReportDropshipShipmentValidator(TimeProvider clock)
    {
        RuleFor(c => c.Carrier).NotEmpty().MaximumLength(32);
        RuleFor(c => c.TrackingNumber).NotEmpty().MaximumLength(64);
        RuleFor(c => c.ShippedAt)
            .Must(at => at is null || at.Value <= clock.GetUtcNow() + ClockSkew)
            .WithMessage("shippedAt cannot be in the future.");
    }
}
