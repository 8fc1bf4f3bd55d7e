using Microsoft.EntityFrameworkCore;
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
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.OrderId);
        // A location's open work, oldest first: what a pick wave reads.
        builder.HasIndex(f => new { f.LocationCode, f.Status, f.CreatedAt });
        builder.HasMany(f => f.Lines).WithOne().HasForeignKey(l => l.FulfillmentId);
        builder.Navigation(f => f.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
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
