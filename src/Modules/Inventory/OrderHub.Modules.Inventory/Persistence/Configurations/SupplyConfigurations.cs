using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Domain.Replenishment;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Domain.Supply;

namespace OrderHub.Modules.Inventory.Persistence.Configurations;

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> builder)
    {
        builder.ToTable("PurchaseOrders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SupplierLocationCode).HasMaxLength(32);
        builder.Property(p => p.DestinationLocationCode).HasMaxLength(32);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsOpen);
        builder.HasIndex(p => new { p.Status, p.DestinationLocationCode });
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId);
        builder.Navigation(p => p.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> builder)
    {
        builder.ToTable("PurchaseOrderLines", t => t.HasCheckConstraint("CK_PurchaseOrderLines_Received", "\"ReceivedQuantity\" >= 0 AND \"ReceivedQuantity\" <= \"Quantity\""));
        builder.HasKey(l => new { l.PurchaseOrderId, l.LineNumber });
        builder.Property(l => l.Sku).HasMaxLength(64);
        builder.Ignore(l => l.Outstanding);
        builder.HasIndex(l => l.Sku);
    }
}

internal sealed class BackorderRequestConfiguration : IEntityTypeConfiguration<BackorderRequest>
{
    public void Configure(EntityTypeBuilder<BackorderRequest> builder)
    {
        builder.ToTable("BackorderRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ReservationKey).HasMaxLength(200);
        builder.HasIndex(r => r.ReservationKey).IsUnique();
        builder.Property(r => r.OrderNumber).HasMaxLength(32);
        builder.Property(r => r.Channel).HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CloseReason).HasMaxLength(300);
        builder.HasIndex(r => new { r.Status, r.Priority, r.RequestedAt });
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RequestId);
        builder.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BackorderLineConfiguration : IEntityTypeConfiguration<BackorderLine>
{
    public void Configure(EntityTypeBuilder<BackorderLine> builder)
    {
        builder.ToTable("BackorderLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Sku).HasMaxLength(64);
        builder.HasIndex(l => l.Sku);
    }
}

internal sealed class ReorderPointConfiguration : IEntityTypeConfiguration<ReorderPoint>
{
    public void Configure(EntityTypeBuilder<ReorderPoint> builder)
    {
        builder.ToTable("ReorderPoints");
        builder.HasKey(r => new { r.LocationCode, r.Sku });
        builder.Property(r => r.LocationCode).HasMaxLength(32);
        builder.Property(r => r.Sku).HasMaxLength(64);
        builder.Property(r => r.SupplierLocationCode).HasMaxLength(32);
    }
}

internal sealed class ReorderSuggestionConfiguration : IEntityTypeConfiguration<ReorderSuggestion>
{
    public void Configure(EntityTypeBuilder<ReorderSuggestion> builder)
    {
        builder.ToTable("ReorderSuggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Sku).HasMaxLength(64);
        builder.Property(s => s.LocationCode).HasMaxLength(32);
        builder.Property(s => s.SupplierLocationCode).HasMaxLength(32);
        builder.HasIndex(s => new { s.Sku, s.LocationCode, s.Day }).IsUnique(); // one per SKU, location and day
    }
}

internal sealed class SupplierFeedCheckpointConfiguration : IEntityTypeConfiguration<SupplierFeedCheckpoint>
{
    public void Configure(EntityTypeBuilder<SupplierFeedCheckpoint> builder)
    {
        builder.ToTable("SupplierFeedCheckpoints");
        builder.HasKey(c => c.LocationCode);
        builder.Property(c => c.LocationCode).HasMaxLength(32);
    }
}
