using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class DropshipPurchaseOrderConfiguration : IEntityTypeConfiguration<DropshipPurchaseOrder>
{
    public void Configure(EntityTypeBuilder<DropshipPurchaseOrder> builder)
    {
        builder.ToTable("DropshipPurchaseOrders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(16);
        builder.HasIndex(p => p.Number).IsUnique();
        // One purchase order per dropship fulfillment: a second send of the step cannot make another.
        builder.HasIndex(p => p.FulfillmentId).IsUnique();
        builder.HasIndex(p => p.OrderId);
        builder.Property(p => p.SupplierCode).HasMaxLength(32);
        builder.Property(p => p.SupplierName).HasMaxLength(200);
        builder.Property(p => p.SupplierRegion).HasMaxLength(100);
        builder.Property(p => p.SupplierPostalCode).HasMaxLength(20);
        builder.Property(p => p.OrderNumber).HasMaxLength(32);
        builder.Property(p => p.RecipientName).HasMaxLength(201);
        builder.OwnsOne(p => p.ShipTo, a => AddressColumns.Map(a, "Ship"));
        builder.Property(p => p.ShippingService).HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.AcknowledgementReference).HasMaxLength(100);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.Carrier).HasMaxLength(32);
        builder.Property(p => p.TrackingNumber).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId);
        builder.Navigation(p => p.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DropshipPurchaseOrderLineConfiguration : IEntityTypeConfiguration<DropshipPurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<DropshipPurchaseOrderLine> builder)
    {
        builder.ToTable("DropshipPurchaseOrderLines");
        builder.HasKey(l => new { l.PurchaseOrderId, l.LineNumber });
        builder.Property(l => l.Sku).HasMaxLength(64);
    }
}
