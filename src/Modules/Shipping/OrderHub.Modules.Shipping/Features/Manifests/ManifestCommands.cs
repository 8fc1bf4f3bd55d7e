using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Domain.Manifests;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.Manifests;

/// <summary>The body of <c>POST /api/v1/shipping/manifests</c>: close a carrier's day at a location (date defaults to today, UTC).</summary>
internal sealed record CloseManifestCommand : ICommand<ManifestClosed>
{
    public string? Carrier { get; init; }

    public string? LocationCode { get; init; }

    public DateOnly? Date { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>The manifest and whether this close made it (201) or found it (200).</summary>
internal sealed record ManifestClosed(ManifestDto Manifest, bool Created);

/// <summary>A manifest as the API shows it: its shipments, their tracking numbers, packages and weight.</summary>
internal sealed record ManifestDto(
    Guid Id,
    string Carrier,
    string LocationCode,
    DateOnly Date,
    IReadOnlyList<Guid> ShipmentIds,
    IReadOnlyList<string> TrackingNumbers,
    int PackageCount,
    int TotalWeightGrams,
    DateTimeOffset ClosedAt,
    string ClosedBy,
    IReadOnlyList<ManifestPackageDto> Packages);

internal sealed record ManifestPackageDto(Guid ShipmentId, string OrderNumber, string TrackingNumber, int WeightGrams);

/// <summary>The body of <c>POST /api/v1/shipping/pickups</c>.</summary>
internal sealed record RequestPickupCommand : ICommand<PickupBooked>
{
    public string? Carrier { get; init; }

    public string? LocationCode { get; init; }

    public DateOnly? Date { get; init; }

    public TimeOnly? ReadyBy { get; init; }

    public TimeOnly? CloseBy { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

internal sealed record PickupBooked(PickupDto Pickup, bool Created);

internal sealed record PickupDto(Guid Id, string Carrier, string LocationCode, DateOnly Date, TimeOnly ReadyBy, TimeOnly CloseBy, string ConfirmationNumber, DateTimeOffset RequestedAt, string RequestedBy);

internal sealed record GetManifestQuery(Guid Id) : IQuery<ManifestDto>;

internal sealed record ListManifestsQuery(DateOnly? Date, string? LocationCode) : IQuery<IReadOnlyList<ManifestDto>>;

internal sealed class CloseManifestValidator : AbstractValidator<CloseManifestCommand>
{
    public CloseManifestValidator()
    {
        RuleFor(c => c.Carrier).NotEmpty().Must(c => Enum.TryParse<Carrier>(c, ignoreCase: true, out _))
            .WithMessage($"Carrier must be one of {string.Join(", ", Enum.GetNames<Carrier>())}.");
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
    }
}

internal sealed class RequestPickupValidator : AbstractValidator<RequestPickupCommand>
{
    public RequestPickupValidator(TimeProvider clock)
    {
        RuleFor(c => c.Carrier).NotEmpty().Must(c => Enum.TryParse<Carrier>(c, ignoreCase: true, out _))
            .WithMessage($"Carrier must be one of {string.Join(", ", Enum.GetNames<Carrier>())}.");
        RuleFor(c => c.LocationCode).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Date).NotNull();
        RuleFor(c => c.Date).Must(d => d is null || d >= Today(clock))
            .WithMessage(c => $"{c.Date:yyyy-MM-dd} has passed: a pickup can be booked for today ({Today(clock):yyyy-MM-dd}, UTC) or a later day.");
        RuleFor(c => c.CloseBy).Must((c, close) => close is null || (c.ReadyBy ?? Pickups.DefaultReadyBy) < close)
            .WithMessage("closeBy comes after readyBy.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>
/// Closes a carrier's day at a location: the manifest of (carrier, location, date) is made on the first close and takes
/// every LabelCreated shipment of that carrier and location not on a manifest yet; a later close returns the same
/// manifest with the labels bought since added. Voided labels are never on it.
/// </summary>
internal sealed class CloseManifestHandler(ShippingDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<CloseManifestCommand, ManifestClosed>
{
    public async ValueTask<ManifestClosed> Handle(CloseManifestCommand command, CancellationToken cancellationToken)
    {
        var carrier = Enum.Parse<Carrier>(command.Carrier!, ignoreCase: true);
        var location = command.LocationCode!.Trim().ToUpperInvariant();
        _ = await sender.Send(new GetLocationAddressQuery(location), cancellationToken) ?? throw new NotFoundException("Location", location);
        var now = clock.GetUtcNow();
        var date = command.Date ?? DateOnly.FromDateTime(now.UtcDateTime);
        var manifest = await db.Manifests.SingleOrDefaultAsync(m => m.Carrier == carrier && m.LocationCode == location && m.Date == date, cancellationToken);
        var created = manifest is null;
        var due = await db.Shipments
            .Where(s => s.Carrier == carrier && s.LocationCode == location && s.Status == ShipmentStatus.LabelCreated && !db.ManifestShipments.Any(m => m.ShipmentId == s.Id))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        if (manifest is null)
        {
            manifest = Manifest.Open(carrier, location, date, command.Actor, now);
            db.Manifests.Add(manifest);
        }
        else if (due.Count > 0)
        {
            manifest.Closed(command.Actor, now);
        }

        if (created || due.Count > 0)
        {
            db.ManifestShipments.AddRange(due.Select(id => new ManifestShipment(manifest.Id, id)));
            db.AuditEntries.Add(new ShippingAuditEntry(now, command.Actor, "CloseManifest", manifest.Id, $"{carrier} {location} {date:yyyy-MM-dd}: {due.Count} label(s) added"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ManifestClosed(await Manifests.DtoAsync(db, manifest, cancellationToken), created);
    }
}

/// <summary>
/// Books the carrier's pickup for a location and day, once per (carrier, location, date): a repeated request answers
/// with the first booking. Only the built-in desk books pickups; a carrier with its API configured is 409.
/// </summary>
internal sealed class RequestPickupHandler(
    ShippingDbContext db, ISender sender, IEnumerable<ICarrierPickups> desks, IOptions<CarrierSettings> settings, TimeProvider clock)
    : ICommandHandler<RequestPickupCommand, PickupBooked>
{
    public async ValueTask<PickupBooked> Handle(RequestPickupCommand command, CancellationToken cancellationToken)
    {
        var carrier = Enum.Parse<Carrier>(command.Carrier!, ignoreCase: true);
        var location = command.LocationCode!.Trim().ToUpperInvariant();
        var date = command.Date!.Value;
        var booked = await db.Pickups.AsNoTracking().SingleOrDefaultAsync(p => p.Carrier == carrier && p.LocationCode == location && p.Date == date, cancellationToken);
        if (booked is not null)
        {
            return new PickupBooked(Pickups.Dto(booked), false);
        }

        _ = await sender.Send(new GetLocationAddressQuery(location), cancellationToken) ?? throw new NotFoundException("Location", location);
        if (settings.Value.For(carrier).IsApiConfigured)
        {
            throw new ConflictException($"{carrier} is connected through its API, whose pickup booking OrderHub does not call yet: book the pickup with {carrier} directly.");
        }

        var desk = desks.FirstOrDefault(d => d.Carrier == carrier) ?? throw new ConflictException($"No pickup desk is registered for {carrier}.");
        var (readyBy, closeBy) = (command.ReadyBy ?? Pickups.DefaultReadyBy, command.CloseBy ?? Pickups.DefaultCloseBy);
        var packages = await db.ManifestShipments
            .Join(db.Manifests, ms => ms.ManifestId, m => m.Id, (ms, m) => new { ms.ShipmentId, m.Carrier, m.LocationCode, m.Date })
            .Where(x => x.Carrier == carrier && x.LocationCode == location && x.Date == date)
            .Join(db.Shipments, x => x.ShipmentId, s => s.Id, (x, s) => s.Packages.Count)
            .SumAsync(cancellationToken);
        var confirmation = await desk.BookAsync(new PickupBooking($"pickup:{carrier}:{location}:{date:yyyy-MM-dd}", carrier, location, date, readyBy, closeBy, packages), cancellationToken);
        var now = clock.GetUtcNow();
        var pickup = Pickup.Booked(carrier, location, date, readyBy, closeBy, confirmation, command.Actor, now);
        db.Pickups.Add(pickup);
        db.AuditEntries.Add(new ShippingAuditEntry(now, command.Actor, "RequestPickup", pickup.Id, $"{carrier} {location} {date:yyyy-MM-dd} {readyBy:HH\\:mm}-{closeBy:HH\\:mm}: {confirmation}"));
        return new PickupBooked(Pickups.Dto(pickup), true);
    }
}

internal sealed class GetManifestHandler(ShippingDbContext db) : IQueryHandler<GetManifestQuery, ManifestDto>
{
    public async ValueTask<ManifestDto> Handle(GetManifestQuery query, CancellationToken cancellationToken)
    {
        var manifest = await db.Manifests.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Manifest", query.Id.ToString());
        return await Manifests.DtoAsync(db, manifest, cancellationToken);
    }
}

internal sealed class ListManifestsHandler(ShippingDbContext db) : IQueryHandler<ListManifestsQuery, IReadOnlyList<ManifestDto>>
{
    public async ValueTask<IReadOnlyList<ManifestDto>> Handle(ListManifestsQuery query, CancellationToken cancellationToken)
    {
        var manifests = db.Manifests.AsNoTracking();
        if (query.Date is { } date)
        {
            manifests = manifests.Where(m => m.Date == date);
        }

        if (!string.IsNullOrWhiteSpace(query.LocationCode))
        {
            var location = query.LocationCode.Trim().ToUpperInvariant();
            manifests = manifests.Where(m => m.LocationCode == location);
        }

        var found = await manifests.OrderByDescending(m => m.Date).ThenBy(m => m.LocationCode).ThenBy(m => m.Carrier).Take(200).ToListAsync(cancellationToken);
        var result = new List<ManifestDto>(found.Count);
        foreach (var manifest in found)
        {
            result.Add(await Manifests.DtoAsync(db, manifest, cancellationToken));
        }

        return result;
    }
}

internal static class Manifests
{
    public static async Task<ManifestDto> DtoAsync(ShippingDbContext db, Manifest manifest, CancellationToken cancellationToken)
    {
        var ids = await db.ManifestShipments.AsNoTracking().Where(m => m.ManifestId == manifest.Id).Select(m => m.ShipmentId).ToListAsync(cancellationToken);
        var shipments = await db.Shipments.AsNoTracking().Include(s => s.Packages).Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        var packages = shipments.OrderBy(s => s.OrderNumber, StringComparer.Ordinal)
            .SelectMany(s => s.Packages.OrderBy(p => p.Sequence).Select(p => new ManifestPackageDto(s.Id, s.OrderNumber, p.TrackingNumber ?? string.Empty, p.WeightGrams)))
            .ToList();
        return new ManifestDto(
            manifest.Id,
            manifest.Carrier.ToString(),
            manifest.LocationCode,
            manifest.Date,
            [.. shipments.Select(s => s.Id).Order()],
            [.. packages.Select(p => p.TrackingNumber)],
            packages.Count,
            packages.Sum(p => p.WeightGrams),
            manifest.ClosedAt,
            manifest.ClosedBy,
            packages);
    }
}

internal static class Pickups
{
    public static readonly TimeOnly DefaultReadyBy = new(15, 0);

    public static readonly TimeOnly DefaultCloseBy = new(18, 0);

    public static PickupDto Dto(Pickup p) =>
        new(p.Id, p.Carrier.ToString(), p.LocationCode, p.Date, p.ReadyBy, p.CloseBy, p.ConfirmationNumber, p.RequestedAt, p.RequestedBy);
}
