using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Domain.Locations;
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
        builder.OwnsOne(p => p.Wine, w =>
        {
            w.Property(x => x.Varietal).HasColumnName("Varietal").HasMaxLength(100);
            w.Property(x => x.Vintage).HasColumnName("Vintage");
            w.Property(x => x.Appellation).HasColumnName("Appellation").HasMaxLength(100);
            w.Property(x => x.VolumeMl).HasColumnName("VolumeMl");
            w.Property(x => x.UnitsPerCase).HasColumnName("UnitsPerCase");
            w.Property(x => x.Abv).HasColumnName("Abv").HasPrecision(4, 2);
        });
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
        builder.OwnsOne(l => l.Address, a =>
        {
            a.Property(x => x.Line1).HasColumnName("Line1").HasMaxLength(200);
            a.Property(x => x.Line2).HasColumnName("Line2").HasMaxLength(200);
            a.Property(x => x.City).HasColumnName("City").HasMaxLength(100);
            a.Property(x => x.Region).HasColumnName("Region").HasMaxLength(100);
            a.Property(x => x.PostalCode).HasColumnName("PostalCode").HasMaxLength(20);
            a.Property(x => x.Country).HasColumnName("Country").HasMaxLength(2);
        });
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
