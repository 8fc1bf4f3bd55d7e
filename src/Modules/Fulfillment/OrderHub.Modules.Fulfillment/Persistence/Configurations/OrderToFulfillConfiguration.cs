using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Fulfillment.Domain.Orders;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class OrderToFulfillConfiguration : IEntityTypeConfiguration<OrderToFulfill>
{
    public void Configure(EntityTypeBuilder<OrderToFulfill> builder)
    {
        builder.ToTable("OrdersToFulfill");
        builder.HasKey(o => o.OrderId);
        builder.Property(o => o.OrderId).ValueGeneratedNever();
        builder.Property(o => o.OrderNumber).HasMaxLength(32);
        builder.HasIndex(o => o.OrderNumber).IsUnique();
        builder.Property(o => o.Channel).HasMaxLength(20);
        builder.Property(o => o.StockReservationKey).HasMaxLength(200);
        builder.Property(o => o.RecipientName).HasMaxLength(201);
        builder.Property(o => o.ShippingService).HasMaxLength(20);
        builder.OwnsOne(o => o.ShipTo, a => AddressColumns.Map(a, "Ship"));
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LineToFulfillConfiguration : IEntityTypeConfiguration<LineToFulfill>
{
    public void Configure(EntityTypeBuilder<LineToFulfill> builder)
    {
        builder.ToTable("LinesToFulfill");
        builder.HasKey(l => new { l.OrderId, l.LineNumber });
        builder.Property(l => l.Sku).HasMaxLength(64);
    }
}
