using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>
/// Gives each package of a shipment its GS1 SSCC-18 (<see cref="Sscc"/>) from the <see cref="SsccSerial"/> sequence, as
/// the simulated carrier desk numbers its labels: the serials are saved in their own unit of work (they stand whatever
/// the purchase does next), keyed by shipment and package, so a retried or concurrent purchase, or a re-label, gets the
/// same SSCCs back, and a unique index decides a race (the loser reads the winner's rows).
/// </summary>
internal sealed class SsccSerials(ShippingDbContext db, IServiceScopeFactory scopes, IOptions<ShippingOptions> options, TimeProvider clock)
{
    /// <summary>The SSCCs of the shipment's packages, in package order (assigned now when they have none yet).</summary>
    public async Task<IReadOnlyList<string>> ForAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var sequences = shipment.Packages.Select(p => p.Sequence).Order().ToList();
        var serials = await AssignAsync(shipment.Id, sequences, cancellationToken) ?? await ReadAsync(shipment.Id, cancellationToken);
        var (extension, prefix) = (options.Value.SsccExtensionDigit, options.Value.Gs1CompanyPrefix);
        return [.. sequences.Select(s => serials.TryGetValue(s, out var serial)
            ? Sscc.Create(extension, prefix, serial)
            : throw new InvalidOperationException($"No SSCC serial was recorded for package {s} of shipment {shipment.Id}."))];
    }

    /// <summary>
    /// Numbers the cartons in their own unit of work; null when they were numbered before (a retried purchase, a
    /// re-label, or a concurrent purchase that won the race): the unique index refuses the second numbering.
    /// </summary>
    private async Task<Dictionary<int, long>?> AssignAsync(Guid shipmentId, List<int> sequences, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        var now = clock.GetUtcNow();
        var assigned = sequences.Select(s => new SsccSerial(shipmentId, s, now)).ToList();
        own.Set<SsccSerial>().AddRange(assigned);
        try
        {
            await own.SaveChangesAsync(cancellationToken);
            return assigned.ToDictionary(s => s.PackageSequence, s => s.Id);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
        {
            return null;
        }
    }

    private Task<Dictionary<int, long>> ReadAsync(Guid shipmentId, CancellationToken cancellationToken) =>
        db.Set<SsccSerial>().AsNoTracking().Where(s => s.ShipmentId == shipmentId).ToDictionaryAsync(s => s.PackageSequence, s => s.Id, cancellationToken);
}
