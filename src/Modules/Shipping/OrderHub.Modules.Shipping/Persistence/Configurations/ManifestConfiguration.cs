using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Shipping.Domain.Manifests;

namespace OrderHub.Modules.Shipping.Persistence.Configurations;

internal sealed class ManifestConfiguration : IEntityTypeConfiguration<Manifest>
{
    public void Configure(EntityTypeBuilder<Manifest> builder)
    {
        builder.ToTable("Manifests");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Carrier).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LocationCode).HasMaxLength(32);
        builder.Property(m => m.ClosedBy).HasMaxLength(200);
        // One manifest per carrier, location and day: closing again finds it, and a race loses on this index.
        builder.HasIndex(m => new { m.Carrier, m.LocationCode, m.Date }).IsUnique();
    }
}

internal sealed class ManifestShipmentConfiguration : IEntityTypeConfiguration<ManifestShipment>
{
    public void Configure(EntityTypeBuilder<ManifestShipment> builder)
    {
        builder.ToTable("ManifestShipments");
        builder.HasKey(m => new { m.ManifestId, m.ShipmentId });
        // A label is handed over once: on one manifest at most.
        builder.HasIndex(m => m.ShipmentId).IsUnique();
        builder.HasOne<Manifest>().WithMany().HasForeignKey(m => m.ManifestId);
    }
}

internal sealed class PickupConfiguration : IEntityTypeConfiguration<Pickup>
{
    public void Configure(EntityTypeBuilder<Pickup> builder)
    {
        builder.ToTable("Pickups");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Carrier).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.LocationCode).HasMaxLength(32);
        builder.Property(p => p.ConfirmationNumber).HasMaxLength(64);
        builder.Property(p => p.RequestedBy).HasMaxLength(200);
        builder.HasIndex(p => new { p.Carrier, p.LocationCode, p.Date }).IsUnique();
    }
}

internal sealed class ShippingAuditEntryConfiguration : IEntityTypeConfiguration<ShippingAuditEntry>
{
    public void Configure(EntityTypeBuilder<ShippingAuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => e.SubjectId);
    }
}
