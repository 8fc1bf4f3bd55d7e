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
        return (await ForAllAsync([shipment], cancellationToken))[shipment.Id];
    }

    /// <summary>
    /// The SSCCs of each shipment's packages, in package order: the cartons of every shipment are numbered in one unit of
    /// work (a batch of a release); when any was numbered before, each shipment is numbered or read back on its own.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> ForAllAsync(IReadOnlyList<Shipment> shipments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        var sequences = shipments.ToDictionary(s => s.Id, s => s.Packages.Select(p => p.Sequence).Order().ToList());
        if (sequences.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<string>>();
        }

        var serials = await AssignAsync(sequences, cancellationToken);
        if (serials is null)
        {
            serials = [];
            foreach (var (shipmentId, own) in sequences)
            {
                var numbered = sequences.Count > 1 ? await AssignAsync(new() { [shipmentId] = own }, cancellationToken) : null;
                serials[shipmentId] = numbered?[shipmentId] ?? await ReadAsync(shipmentId, cancellationToken);
            }
        }

        var (extension, prefix) = (options.Value.SsccExtensionDigit, options.Value.Gs1CompanyPrefix);
        return sequences.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)[.. s.Value.Select(sequence => serials[s.Key].TryGetValue(sequence, out var serial)
            ? Sscc.Create(extension, prefix, serial)
            : throw new InvalidOperationException($"No SSCC serial was recorded for package {sequence} of shipment {s.Key}."))]);
    }

    /// <summary>
    /// Numbers the cartons in their own unit of work; null when any was numbered before (a retried purchase, a re-label,
    /// or a concurrent purchase that won the race): the unique index refuses the second numbering, and nothing is saved.
    /// </summary>
    private async Task<Dictionary<Guid, Dictionary<int, long>>?> AssignAsync(Dictionary<Guid, List<int>> sequences, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        var now = clock.GetUtcNow();
        var assigned = sequences.SelectMany(s => s.Value.Select(sequence => new SsccSerial(s.Key, sequence, now))).ToList();
        own.Set<SsccSerial>().AddRange(assigned);
        try
        {
            await own.SaveChangesAsync(cancellationToken);
            return assigned.GroupBy(s => s.ShipmentId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.PackageSequence, s => s.Id));
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsIdempotencyClaim(ex))
        {
            return null;
        }
    }

    private Task<Dictionary<int, long>> ReadAsync(Guid shipmentId, CancellationToken cancellationToken) =>
        db.Set<SsccSerial>().AsNoTracking().Where(s => s.ShipmentId == shipmentId).ToDictionaryAsync(s => s.PackageSequence, s => s.Id, cancellationToken);
}
