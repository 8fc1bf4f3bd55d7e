using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class FulfillmentConfiguration : IEntityTypeConfiguration<Domain.Fulfillments.Fulfillment>
{
    public void Configure(EntityTypeBuilder<Domain.Fulfillments.Fulfillment> builder)
    {
        builder.ToTable("Fulfillments");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.OrderNumber).HasMaxLength(32);
        builder.Property(f => f.LocationCode).HasMaxLength(32);
        builder.Property(f => f.OriginPostalCode).HasMaxLength(16);
        builder.Property(f => f.ReservationKey).HasMaxLength(200);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.OrderId);
        // A location's open work, oldest first: what a pick wave reads.
        builder.HasIndex(f => new { f.LocationCode, f.Status, f.CreatedAt });
        builder.HasMany(f => f.Lines).WithOne().HasForeignKey(l => l.FulfillmentId);
        builder.Navigation(f => f.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(f => f.Packages).WithOne().HasForeignKey(p => p.FulfillmentId);
        builder.Navigation(f => f.Packages).HasField("_packages").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PackageConfiguration : IEntityTypeConfiguration<Package>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Package> builder)
    {
        builder.ToTable("Packages");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Box).HasMaxLength(32);
        // Written once when packed and read whole: JSON text on every provider.
        builder.Property(p => p.Lines).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<PackageLine>>(v, Json) ?? new List<PackageLine>(),
            new ValueComparer<IReadOnlyList<PackageLine>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
    }
}

internal sealed class FulfillmentLineConfiguration : IEntityTypeConfiguration<FulfillmentLine>
{
    public void Configure(EntityTypeBuilder<FulfillmentLine> builder)
    {
        builder.ToTable("FulfillmentLines");
        builder.HasKey(l => new { l.FulfillmentId, l.LineNumber });
        builder.Property(l => l.Sku).HasMaxLength(64);
    }
}
