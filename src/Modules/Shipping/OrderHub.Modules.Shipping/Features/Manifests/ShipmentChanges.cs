using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Domain.Manifests;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.GetShipment;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;

namespace OrderHub.Modules.Shipping.Features.Manifests;

/// <summary>The body of <c>POST /api/v1/shipments/{id}/void</c>: why the label is voided.</summary>
internal sealed record VoidShipmentCommand : ICommand<ShipmentDetailsDto>
{
    [JsonIgnore]
    public Guid ShipmentId { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>The body of <c>POST /api/v1/shipments/{id}/relabel</c>: why the shipment needs a new label.</summary>
internal sealed record RelabelShipmentCommand : ICommand<ShipmentDetailsDto>
{
    [JsonIgnore]
    public Guid ShipmentId { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

internal sealed class VoidShipmentValidator : AbstractValidator<VoidShipmentCommand>
{
    public VoidShipmentValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

internal sealed class RelabelShipmentValidator : AbstractValidator<RelabelShipmentCommand>
{
    public RelabelShipmentValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

/// <summary>
/// Voids a label before the carrier has the parcel: the shipment is Voided, released from its manifest unless the carrier
/// already picked that manifest up (409), audited and announced (Orders puts it on the timeline). Voiding twice is a no-op.
/// </summary>
internal sealed class VoidShipmentHandler(ShippingDbContext db, TimeProvider clock) : ICommandHandler<VoidShipmentCommand, ShipmentDetailsDto>
{
    public async ValueTask<ShipmentDetailsDto> Handle(VoidShipmentCommand command, CancellationToken cancellationToken)
    {
        var shipment = await ShipmentChanges.LoadAsync(db, command.ShipmentId, cancellationToken);
        if (shipment.Status == ShipmentStatus.Voided)
        {
            return ShipmentChanges.Dto(shipment);
        }

        var now = clock.GetUtcNow();
        await ShipmentChanges.ReleaseFromManifestAsync(db, shipment, cancellationToken);
        ShipmentChanges.Void(db, shipment, command.Reason!, command.Actor, now);
        return ShipmentChanges.Dto(shipment);
    }
}

/// <summary>
/// A new label for a shipment (LabelCreated or Voided, not left): the current label is voided, the shipment goes back to
/// LabelPending with the next label generation, and <see cref="BuyLabel.BuyLabel"/> buys it under the key
/// <c>shipment:{id}:{generation}</c>, so the carrier sells a new label with new tracking numbers.
/// </summary>
internal sealed class RelabelShipmentHandler(ShippingDbContext db, TimeProvider clock) : ICommandHandler<RelabelShipmentCommand, ShipmentDetailsDto>
{
    public async ValueTask<ShipmentDetailsDto> Handle(RelabelShipmentCommand command, CancellationToken cancellationToken)
    {
        var shipment = await ShipmentChanges.LoadAsync(db, command.ShipmentId, cancellationToken);
        if (shipment.Status == ShipmentStatus.LabelPending)
        {
            throw new ConflictException($"Shipment {shipment.Id} of order {shipment.OrderNumber} is still waiting for its label.");
        }

        var now = clock.GetUtcNow();
        await ShipmentChanges.ReleaseFromManifestAsync(db, shipment, cancellationToken);
        ShipmentChanges.Void(db, shipment, command.Reason!, command.Actor, now);
        shipment.Relabel(now);
        var detail = $"New label (number {shipment.LabelGeneration}) to buy: {command.Reason!.Trim()}";
        db.AuditEntries.Add(new ShippingAuditEntry(now, command.Actor, "Relabel", shipment.Id, detail));
        db.AddIntegrationEvent(ShipmentEvents.StatusChanged(shipment, ShipmentStatus.Voided, now, detail));
        db.AddInternalCommand(new BuyLabel.BuyLabel(shipment.Id, shipment.LabelGeneration));
        return ShipmentChanges.Dto(shipment);
    }
}

internal static class ShipmentChanges
{
    public static async Task<Shipment> LoadAsync(ShippingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Shipments.Include(s => s.Packages).Include(s => s.Lines).Include(s => s.Events).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("Shipment", id.ToString());

    /// <summary>Voids the label (unless it is void already), audited and announced with its tracking numbers.</summary>
    public static void Void(ShippingDbContext db, Shipment shipment, string reason, string actor, DateTimeOffset now)
    {
        if (shipment.Void(reason, now) is not { } previous)
        {
            return;
        }

        var numbers = shipment.Packages.OrderBy(p => p.Sequence).Select(p => p.TrackingNumber).OfType<string>().ToList();
        var detail = $"Label voided{(numbers.Count > 0 ? $" ({string.Join(", ", numbers)})" : string.Empty)}: {shipment.VoidReason}";
        db.AuditEntries.Add(new ShippingAuditEntry(now, actor, "Void", shipment.Id, detail));
        db.AddIntegrationEvent(ShipmentEvents.StatusChanged(shipment, previous, now, detail));
    }

    public static ShipmentDetailsDto Dto(Shipment shipment) =>
        ShipmentDetailsDto.From(shipment, (s, number) => s.Carrier is { } carrier ? TrackingNumberFormat.TrackingUrl(carrier, number)?.ToString() : null);

    /// <summary>
    /// Takes a label off its manifest. A manifest the carrier has picked up (one of its shipments has left) is closed for
    /// good: its labels were handed over, so they cannot be voided here (409).
    /// </summary>
    public static async Task ReleaseFromManifestAsync(ShippingDbContext db, Shipment shipment, CancellationToken cancellationToken)
    {
        var entry = await db.ManifestShipments.SingleOrDefaultAsync(m => m.ShipmentId == shipment.Id, cancellationToken);
        if (entry is null)
        {
            return;
        }

        var pickedUp = await db.ManifestShipments.Where(m => m.ManifestId == entry.ManifestId)
            .Join(db.Shipments, m => m.ShipmentId, s => s.Id, (m, s) => s.Status)
            .AnyAsync(s => s == ShipmentStatus.InTransit || s == ShipmentStatus.OutForDelivery || s == ShipmentStatus.Delivered || s == ShipmentStatus.Exception || s == ShipmentStatus.ReturnedToSender, cancellationToken);
        if (pickedUp)
        {
            throw new ConflictException($"Shipment {shipment.Id} of order {shipment.OrderNumber} is on manifest {entry.ManifestId}, which the carrier has picked up: its label cannot be voided.");
        }

        db.ManifestShipments.Remove(entry);
    }
}
