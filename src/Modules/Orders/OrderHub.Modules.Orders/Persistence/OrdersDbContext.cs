using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Persistence;

/// <summary>The Orders module's own database: schema "orders", its tables, outbox and inbox.</summary>
internal abstract class OrdersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "orders";
    public const string OrderNumberSequence = "OrderNumbers";
    public const string OrderNumberTable = "OrderNumberAllocations";

    protected override string Schema => SchemaName;

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<MarketplaceCursor> MarketplaceCursors => Set<MarketplaceCursor>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(OrdersDbContext).Assembly,
            t => t.Namespace?.StartsWith(typeof(OrdersDbContext).Namespace!, StringComparison.Ordinal) == true);
        if (Database.IsSqlite())
        {
            modelBuilder.Entity<OrderNumberAllocation>(e =>
            {
                e.ToTable(OrderNumberTable);
                e.HasKey(a => a.Value);
                e.Property(a => a.Value).ValueGeneratedOnAdd();
            });
        }
        else
        {
            modelBuilder.HasSequence<long>(OrderNumberSequence);
        }
    }
}
