using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Domain.Manifests;

/// <summary>
/// A carrier's end-of-day manifest for one location and day: the labels handed over at pickup. One per (carrier,
/// location, date); closing the day again adds the labels bought since. A label voided before the carrier picked the
/// manifest up is released from it (its <see cref="ManifestShipment"/> row goes).
/// </summary>
internal sealed class Manifest
{
    private Manifest()
    {
    }

    public Guid Id { get; private set; }

    public Carrier Carrier { get; private set; }

    public string LocationCode { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last close (the first, or a later one that added labels).</summary>
    public DateTimeOffset ClosedAt { get; private set; }

    public string ClosedBy { get; private set; } = string.Empty;

    public static Manifest Open(Carrier carrier, string locationCode, DateOnly date, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Carrier = carrier,
        LocationCode = locationCode,
        Date = date,
        CreatedAt = now,
        ClosedAt = now,
        ClosedBy = actor,
    };

    public void Closed(string actor, DateTimeOffset now) => (ClosedAt, ClosedBy) = (now, actor);
}

/// <summary>A shipment on a manifest: a shipment is on one manifest at most (unique index).</summary>
internal sealed class ManifestShipment(Guid manifestId, Guid shipmentId)
{
    public Guid ManifestId { get; private set; } = manifestId;

    public Guid ShipmentId { get; private set; } = shipmentId;
}

/// <summary>A pickup booked with a carrier for a location and day: one per (carrier, location, date).</summary>
internal sealed class Pickup
{
    private Pickup()
    {
    }

    public Guid Id { get; private set; }

    public Carrier Carrier { get; private set; }

    public string LocationCode { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public TimeOnly ReadyBy { get; private set; }

    public TimeOnly CloseBy { get; private set; }

    public string ConfirmationNumber { get; private set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    public static Pickup Booked(Carrier carrier, string locationCode, DateOnly date, TimeOnly readyBy, TimeOnly closeBy, string confirmation, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Carrier = carrier,
        LocationCode = locationCode,
        Date = date,
        ReadyBy = readyBy,
        CloseBy = closeBy,
        ConfirmationNumber = confirmation,
        RequestedAt = now,
        RequestedBy = actor,
    };
}

/// <summary>Who changed what in Shipping by hand (void, re-label, manifest close, pickup, simulated tracking), and why.</summary>
internal sealed class ShippingAuditEntry(DateTimeOffset at, string actor, string action, Guid subjectId, string detail)
{
    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; } = at;

    public string Actor { get; private set; } = actor;

    public string Action { get; private set; } = action;

    public Guid SubjectId { get; private set; } = subjectId;

    public string Detail { get; private set; } = detail;
}
