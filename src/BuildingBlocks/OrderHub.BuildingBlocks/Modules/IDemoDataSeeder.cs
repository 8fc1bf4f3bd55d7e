namespace OrderHub.BuildingBlocks.Modules;

/// <summary>Seeds a module's demo data for a first run. Must be idempotent (skip when data exists).</summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
