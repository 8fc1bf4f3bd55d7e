using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Features.WeatherHolds;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.CheckWeatherHold;

/// <summary>
/// Staff ask for one held shipment's weather to be checked now rather than at the next hourly run: the same check as
/// <see cref="ReleaseWeatherHoldsJob"/> (released with its label to buy and the order's timeline told, or still held with
/// its reason brought up to date), audited with who asked.
/// </summary>
internal sealed record CheckWeatherHoldCommand(Guid ShipmentId) : ICommand<WeatherHoldChecked>
{
    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>The check's outcome: <c>Released</c> or <c>StillHeld</c>, and the hold as it is now (null once released).</summary>
internal sealed record WeatherHoldChecked(Guid ShipmentId, string OrderNumber, string Outcome, string? Reason, DateOnly? ProposedShipDate);

internal sealed class CheckWeatherHoldHandler(ShippingDbContext db, ReleaseWeatherHoldsJob job) : ICommandHandler<CheckWeatherHoldCommand, WeatherHoldChecked>
{
    public async ValueTask<WeatherHoldChecked> Handle(CheckWeatherHoldCommand command, CancellationToken cancellationToken)
    {
        var outcome = await job.CheckAsync(command.ShipmentId, command.Actor, cancellationToken);
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.ShipmentId, cancellationToken)
            ?? throw new NotFoundException("Shipment", command.ShipmentId.ToString());
        return outcome switch
        {
            WeatherCheckOutcome.NotHeld => throw new ConflictException($"Shipment {shipment.Id} of order {shipment.OrderNumber} is not held for weather (it is {shipment.Status})."),
            WeatherCheckOutcome.Skipped => throw new ConflictException($"The weather of order {shipment.OrderNumber} could not be checked now (its location is unknown, or another check changed it first): try again."),
            _ => new WeatherHoldChecked(shipment.Id, shipment.OrderNumber, outcome.ToString(), shipment.WeatherHoldReason, shipment.WeatherHoldUntil),
        };
    }
}
