using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Features.GetShipment;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Features.ShipOn;

/// <summary>
/// The body of <c>PUT /api/v1/shipments/{id}/ship-on</c>: the day the customer wants it to leave, and why (staff, or the
/// web store on the customer's behalf). Capturing it at checkout (the Orders API) comes later.
/// </summary>
internal sealed record SetShipOnCommand : ICommand<ShipmentDetailsDto>
{
    [JsonIgnore]
    public Guid ShipmentId { get; init; }

    public DateOnly? Date { get; init; }

    public string? Reason { get; init; }
}

/// <summary>A date from today to a year ahead (the location's today is checked again when the label is bought), and a reason.</summary>
internal sealed class SetShipOnValidator : AbstractValidator<SetShipOnCommand>
{
    public SetShipOnValidator(TimeProvider clock)
    {
        RuleFor(c => c.Date).NotNull()
            .Must(d => d is null || (d.Value >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1) && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(365)))
            .WithMessage("A ship-on date is from today to a year ahead.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

/// <summary>
/// Records the ship-on date on a LabelPending shipment (409 once labelled) and queues its BuyLabel step due at the start
/// of that day in the location's time zone (the outbox's <c>dueAt</c>); the step already queued finds the date ahead and
/// buys nothing.
/// </summary>
internal sealed partial class SetShipOnHandler(ShippingDbContext db, ISender sender, TimeProvider clock, ILogger<SetShipOnHandler> logger)
    : ICommandHandler<SetShipOnCommand, ShipmentDetailsDto>
{
    public async ValueTask<ShipmentDetailsDto> Handle(SetShipOnCommand command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.Include(s => s.Packages).Include(s => s.Events).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == command.ShipmentId, cancellationToken)
            ?? throw new NotFoundException("Shipment", command.ShipmentId.ToString());
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = shipment.OrderNumber });
        var now = clock.GetUtcNow();
        var date = command.Date!.Value;
        shipment.RequestShipOn(date, command.Reason!.Trim(), now);
        var dueAt = await ShipOnSchedule.LabelDueAtAsync(sender, shipment.LocationCode, date, now, cancellationToken);
        db.AddInternalCommand(new BuyLabel.BuyLabel(shipment.Id, shipment.LabelGeneration), dueAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Shipment {shipment.Id} of order {shipment.OrderNumber} changed meanwhile; read it and try again.");
        }

        LogShipOn(shipment.OrderNumber, shipment.Id, date, shipment.ShipOnReason!);
        return ShipmentDetailsDto.From(shipment, (s, number) => s.Carrier is { } carrier ? TrackingNumberFormat.TrackingUrl(carrier, number)?.ToString() : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber}: shipment {ShipmentId} to ship on {ShipOn} ({Reason}); its label is bought that day")]
    private partial void LogShipOn(string orderNumber, Guid shipmentId, DateOnly shipOn, string reason);
}
