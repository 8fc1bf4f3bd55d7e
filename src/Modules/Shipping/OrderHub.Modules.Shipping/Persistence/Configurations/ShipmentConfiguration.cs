using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Shipping.Domain.Shipments;

namespace OrderHub.Modules.Shipping.Persistence.Configurations;

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("Shipments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OrderNumber).HasMaxLength(32);
        builder.Property(s => s.LocationCode).HasMaxLength(32);
        builder.Property(s => s.ReservationKey).HasMaxLength(200);
        builder.Property(s => s.RecipientName).HasMaxLength(200);
        builder.OwnsOne(s => s.ShipTo, a => AddressColumns.Map(a, "ShipTo"));
        builder.Property(s => s.RequestedService).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Carrier).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Service).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ServiceName).HasMaxLength(64);
        builder.Property(s => s.CarrierShipmentId).HasMaxLength(64);
        builder.Property(s => s.RateAmount).HasPrecision(18, 2);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.LabelGeneration).HasDefaultValue(1);
        builder.Property(s => s.VoidReason).HasMaxLength(500);
        builder.Ignore(s => s.TrackingNumber);
        builder.Ignore(s => s.IsHeldForWeather);
        builder.Property(s => s.ShipOnReason).HasMaxLength(500);
        builder.Property(s => s.WeatherHoldReason).HasMaxLength(1000);
        // The release job reads the held shipments every tick.
        builder.HasIndex(s => s.WeatherHeldSince);
        // One shipment per packed fulfillment: a repeated packed event cannot make a second one.
        builder.HasIndex(s => s.FulfillmentId).IsUnique();
        builder.HasIndex(s => s.OrderId);
        builder.HasMany(s => s.Packages).WithOne().HasForeignKey(p => p.ShipmentId);
        builder.Navigation(s => s.Packages).HasField("_packages").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId);
        builder.Navigation(s => s.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.ShipmentId);
        builder.Navigation(s => s.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ShipmentPackageConfiguration : IEntityTypeConfiguration<ShipmentPackage>
{
    public void Configure(EntityTypeBuilder<ShipmentPackage> builder)
    {
        builder.ToTable("ShipmentPackages");
        builder.HasKey(p => new { p.ShipmentId, p.Sequence });
        builder.Property(p => p.TrackingNumber).HasMaxLength(40);
        // A tracking number names one package: the carrier's webhook finds the shipment by it.
        builder.HasIndex(p => p.TrackingNumber).IsUnique();
        builder.Property(p => p.Sscc).HasMaxLength(18);
        // An SSCC names one carton for its life.
        builder.HasIndex(p => p.Sscc).IsUnique();
    }
}

internal sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> builder)
    {
        builder.ToTable("ShipmentLines");
        builder.HasKey(l => new { l.ShipmentId, l.LineNumber });
        builder.Property(l => l.Sku).HasMaxLength(64);
    }
}

internal sealed class TrackingEventConfiguration : IEntityTypeConfiguration<TrackingEvent>
{
    public void Configure(EntityTypeBuilder<TrackingEvent> builder)
    {
        builder.ToTable("TrackingEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.Location).HasMaxLength(200);
        // The same scan twice is one event, even when two deliveries of it race.
        builder.HasIndex(e => new { e.ShipmentId, e.Status, e.At }).IsUnique();
    }
}

internal sealed class SsccSerialConfiguration : IEntityTypeConfiguration<TrackingNumbers.SsccSerial>
{
    public void Configure(EntityTypeBuilder<TrackingNumbers.SsccSerial> builder)
    {
        builder.ToTable("SsccSerials");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        // One serial per carton, even when twenty purchases of its shipment race.
        builder.HasIndex(s => new { s.ShipmentId, s.PackageSequence }).IsUnique();
    }
}

internal sealed class SimulatedLabelConfiguration : IEntityTypeConfiguration<Carriers.Simulated.SimulatedLabel>
{
    public void Configure(EntityTypeBuilder<Carriers.Simulated.SimulatedLabel> builder)
    {
        builder.ToTable("SimulatedLabels");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedOnAdd();
        builder.Property(l => l.Key).HasMaxLength(200);
        // One sale per idempotency key, even when twenty retries race.
        builder.HasIndex(l => l.Key).IsUnique();
        builder.Property(l => l.Carrier).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Service).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Currency).HasMaxLength(3);
    }
}
