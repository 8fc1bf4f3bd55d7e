using FluentValidation;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Domain.Shipments;

namespace OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;

internal sealed class ReceiveTrackingEventValidator : AbstractValidator<ReceiveTrackingEventCommand>
{
    public ReceiveTrackingEventValidator()
    {
        RuleFor(c => c.Carrier).NotEmpty().Must(c => Enum.TryParse<Carrier>(c, ignoreCase: true, out _))
            .WithMessage($"Carrier must be one of {string.Join(", ", Enum.GetNames<Carrier>())}.");
        RuleFor(c => c.TrackingNumber).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Status).NotEmpty().Must(s => Enum.TryParse<ShipmentStatus>(s, ignoreCase: false, out var status) && status.IsTrackingStatus())
            .WithMessage("Status must be one of InTransit, OutForDelivery, Delivered, Exception, ReturnedToSender.");
        RuleFor(c => c.At).NotNull();
        RuleFor(c => c.Description).MaximumLength(500);
        RuleFor(c => c.Location).MaximumLength(200);
    }
}
