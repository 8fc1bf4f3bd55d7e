using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Rating;

/// <summary>
/// The rate tables in force, read in a scope of their own (carriers are asked in parallel, so none shares the
/// request's DbContext) and kept for a few seconds: an edit on this host is seen at once (<see cref="Invalidate"/>),
/// on another host within <see cref="CacheFor"/>. Before the first edit, the built-in <see cref="DefaultRateTables"/>.
/// </summary>
internal sealed class RateTableSource(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyList<CarrierRateTable> Tables, DateTimeOffset ReadAt)? _cached;

    public async Task<CarrierRateTable?> ForAsync(Carrier carrier, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(t => t.Carrier == carrier);

    public async Task<IReadOnlyList<CarrierRateTable>> AllAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && clock.GetUtcNow() - fresh.ReadAt < CacheFor)
        {
            return fresh.Tables;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.ReadAt < CacheFor)
            {
                return again.Tables;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
            var set = await db.RateTableSets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RateTableSet.SingletonId, cancellationToken);
            var tables = set?.Tables ?? DefaultRateTables.All;
            _cached = (tables, clock.GetUtcNow());
            return tables;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the cached tables (after an edit).</summary>
    public void Invalidate() => _cached = null;
}
