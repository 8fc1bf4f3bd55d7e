using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Domain.Stock;

namespace OrderHub.Modules.Inventory.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Sku);
        builder.Property(p => p.Sku).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Varietal).HasMaxLength(100);
        builder.Property(p => p.Appellation).HasMaxLength(100);
        builder.Property(p => p.Abv).HasPrecision(4, 2);
        builder.Ignore(p => p.IsBundle);
        builder.HasMany(p => p.Components).WithOne().HasForeignKey(c => c.BundleSku);
        builder.Navigation(p => p.Components).HasField("_components").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BundleComponentConfiguration : IEntityTypeConfiguration<BundleComponent>
{
    public void Configure(EntityTypeBuilder<BundleComponent> builder)
    {
        builder.ToTable("BundleComponents");
        builder.HasKey(c => new { c.BundleSku, c.ComponentSku });
        builder.Property(c => c.BundleSku).HasMaxLength(64);
        builder.Property(c => c.ComponentSku).HasMaxLength(64);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(32);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Type).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(l => l.Address, a => AddressColumns.Map(a));
        builder.HasMany(l => l.Bins).WithOne().HasForeignKey(b => b.LocationCode);
        builder.Navigation(l => l.Bins).HasField("_bins").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BinConfiguration : IEntityTypeConfiguration<Bin>
{
    public void Configure(EntityTypeBuilder<Bin> builder)
    {
        builder.ToTable("Bins");
        builder.HasKey(b => new { b.LocationCode, b.Code });
        builder.Property(b => b.Code).HasMaxLength(32);
    }
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.ToTable("StockItems", t => t.HasCheckConstraint("CK_StockItems_Reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\""));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Sku).HasMaxLength(64);
        builder.Property(s => s.LocationCode).HasMaxLength(32);
        builder.Property(s => s.BinCode).HasMaxLength(32);
        builder.Property(s => s.Lot).HasMaxLength(64);
        builder.Ignore(s => s.Available);
        builder.HasIndex(s => new { s.Sku, s.LocationCode, s.BinCode, s.Lot }).IsUnique();
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.ToTable("StockMovements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Sku).HasMaxLength(64);
        builder.Property(m => m.LocationCode).HasMaxLength(32);
        builder.Property(m => m.BinCode).HasMaxLength(32);
        builder.Property(m => m.Lot).HasMaxLength(64);
        builder.Property(m => m.Reason).HasMaxLength(30);
        builder.Property(m => m.Reference).HasMaxLength(250);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.HasIndex(m => new { m.Sku, m.LocationCode });
    }
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> builder)
    {
        builder.ToTable("StockTransfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Sku).HasMaxLength(64);
        builder.Property(t => t.FromLocationCode).HasMaxLength(32);
        builder.Property(t => t.ToLocationCode).HasMaxLength(32);
        builder.Property(t => t.ReceivedBinCode).HasMaxLength(32);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.Status, t.Sku });
        builder.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TransferId);
        builder.Navigation(t => t.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StockTransferLineConfiguration : IEntityTypeConfiguration<StockTransferLine>
{
    public void Configure(EntityTypeBuilder<StockTransferLine> builder)
    {
        builder.ToTable("StockTransferLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.FromBinCode).HasMaxLength(32);
        builder.Property(l => l.Lot).HasMaxLength(64);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.ToTable("Reservations");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.Channel).HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CloseReason).HasMaxLength(200);
        builder.HasIndex(r => new { r.Status, r.ExpiresAt });
        builder.HasMany(r => r.Allocations).WithOne().HasForeignKey(a => a.ReservationKey);
        builder.Navigation(r => r.Allocations).HasField("_allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReservationAllocationConfiguration : IEntityTypeConfiguration<ReservationAllocation>
{
    public void Configure(EntityTypeBuilder<ReservationAllocation> builder)
    {
        builder.ToTable("ReservationAllocations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ReservationKey).HasMaxLength(200);
        builder.Property(a => a.Sku).HasMaxLength(64);
        builder.Property(a => a.LocationCode).HasMaxLength(32);
        builder.Property(a => a.BinCode).HasMaxLength(32);
        builder.Property(a => a.Lot).HasMaxLength(64);
        builder.Property(a => a.PoolName).HasMaxLength(64);
    }
}
