using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Shipping.Domain.Manifests;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Persistence;

/// <summary>The Shipping module's own database: schema "shipping", its tables, outbox and inbox.</summary>
internal abstract class ShippingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "shipping";

    protected override string Schema => SchemaName;

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<Manifest> Manifests => Set<Manifest>();

    public DbSet<ManifestShipment> ManifestShipments => Set<ManifestShipment>();

    public DbSet<Pickup> Pickups => Set<Pickup>();

    public DbSet<ShippingAuditEntry> AuditEntries => Set<ShippingAuditEntry>();

    public DbSet<RateTableSet> RateTableSets => Set<RateTableSet>();

    public DbSet<RateTablesChange> RateTablesChanges => Set<RateTablesChange>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShippingDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(ShippingDbContext).Namespace!, StringComparison.Ordinal) == true);
}
