using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Pools;
using OrderHub.Modules.Inventory.Domain.Replenishment;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Domain.Supply;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>The Inventory module's own database: schema "inventory", its tables, outbox and inbox.</summary>
internal abstract class InventoryDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "inventory";

    protected override string Schema => SchemaName;

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<StockItem> StockItems => Set<StockItem>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    public DbSet<StockTransfer> StockTransfers => Set<StockTransfer>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<ReservationAllocation> ReservationAllocations => Set<ReservationAllocation>();

    public DbSet<AllocationPool> AllocationPools => Set<AllocationPool>();

    public DbSet<AllocationPoolItem> AllocationPoolItems => Set<AllocationPoolItem>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<BackorderRequest> BackorderRequests => Set<BackorderRequest>();
    public DbSet<BackorderLine> BackorderLines => Set<BackorderLine>();
    public DbSet<ReorderPoint> ReorderPoints => Set<ReorderPoint>();
    public DbSet<ReorderSuggestion> ReorderSuggestions => Set<ReorderSuggestion>();
    public DbSet<SupplierFeedCheckpoint> SupplierFeedCheckpoints => Set<SupplierFeedCheckpoint>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InventoryDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(InventoryDbContext).Namespace!, StringComparison.Ordinal) == true);
}
