using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(20);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ExternalReference).HasMaxLength(100);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.ShippingService).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PaymentToken).HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.Status, o.PlacedAt });

        // Orders left in a status since a given time (stuck-order checks): without it such a look-up scanned the whole
        // table (1.3 s at a million orders, docs/performance.md).
        builder.HasIndex(o => new { o.Status, o.UpdatedAt });
        builder.HasIndex(o => o.PlacedAt);
        builder.HasIndex(o => o.ExternalReference);
        builder.OwnsOne(o => o.Customer, c =>
        {
            c.Property(x => x.Email).HasColumnName("CustomerEmail").HasMaxLength(254);
            c.Property(x => x.FirstName).HasColumnName("CustomerFirstName").HasMaxLength(100);
            c.Property(x => x.LastName).HasColumnName("CustomerLastName").HasMaxLength(100);
            c.Property(x => x.DateOfBirth).HasColumnName("CustomerDateOfBirth");
            c.Property(x => x.Phone).HasColumnName("CustomerPhone").HasMaxLength(30);
            c.HasIndex(x => x.Email);
        });
        builder.OwnsOne(o => o.ShippingAddress, a => AddressColumns.Map(a, "Ship"));
        builder.OwnsOne(o => o.BillingAddress, a => AddressColumns.Map(a, "Bill"));
        builder.Ignore(o => o.ActiveHolds);
        builder.Ignore(o => o.IsCarryOut);
        builder.Ignore(o => o.IsReplacement);
        builder.Ignore(o => o.IsFullyAuthorized);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Holds).WithOne().HasForeignKey(h => h.OrderId);
        builder.Navigation(o => o.Holds).HasField("_holds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(o => o.CapturedAmount).HasPrecision(18, 2);
        builder.HasMany(o => o.Shipments).WithOne().HasForeignKey(s => s.OrderId);
        builder.Navigation(o => o.Shipments).HasField("_shipments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Timeline).WithOne().HasForeignKey(t => t.OrderId);
        builder.Navigation(o => o.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("OrderLines");
        builder.HasKey(l => new { l.OrderId, l.LineNumber });
        builder.Property(l => l.Sku).HasMaxLength(64);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => l.Sku);
    }
}

internal sealed class OrderShipmentConfiguration : IEntityTypeConfiguration<OrderShipment>
{
    public void Configure(EntityTypeBuilder<OrderShipment> builder)
    {
        builder.ToTable("OrderShipments");
        builder.HasKey(s => new { s.OrderId, s.ShipmentId });
        builder.Property(s => s.Carrier).HasMaxLength(20);
        builder.Property(s => s.Service).HasMaxLength(20);
        builder.Property(s => s.TrackingNumber).HasMaxLength(40);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.CapturedAmount).HasPrecision(18, 2);
        builder.Ignore(s => s.IsDelivered);
    }
}

internal sealed class OrderHoldConfiguration : IEntityTypeConfiguration<OrderHold>
{
    public void Configure(EntityTypeBuilder<OrderHold> builder)
    {
        builder.ToTable("OrderHolds");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Reason).HasMaxLength(500);
        builder.Property(h => h.Rule).HasMaxLength(100);
        builder.Property(h => h.PlacedBy).HasMaxLength(200);
        builder.Property(h => h.ReleasedBy).HasMaxLength(200);
        builder.Property(h => h.ReleaseReason).HasMaxLength(500);
        builder.HasIndex(h => h.OrderId);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("OrderTimeline");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Event).HasMaxLength(50);
        builder.Property(t => t.Detail).HasMaxLength(1000);
        builder.Property(t => t.Actor).HasMaxLength(200);
        builder.HasIndex(t => t.OrderId);
    }
}

internal sealed class AppliedChangeConfiguration : IEntityTypeConfiguration<AppliedChange>
{
    public void Configure(EntityTypeBuilder<AppliedChange> builder)
    {
        builder.ToTable("AppliedChanges");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
