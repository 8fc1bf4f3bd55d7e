using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Inventory.Domain.Pools;

namespace OrderHub.Modules.Inventory.Persistence.Configurations;

internal sealed class AllocationPoolConfiguration : IEntityTypeConfiguration<AllocationPool>
{
    public void Configure(EntityTypeBuilder<AllocationPool> builder)
    {
        builder.ToTable("AllocationPools");
        builder.HasKey(p => p.Name);
        builder.Property(p => p.Name).HasMaxLength(64);
        builder.Property(p => p.Channel).HasMaxLength(30);
        builder.Property(p => p.CustomerTag).HasMaxLength(64);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReleaseReason).HasMaxLength(200);
        builder.HasIndex(p => new { p.Status, p.ReleaseAt });
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PoolName);
        builder.Navigation(p => p.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AllocationPoolItemConfiguration : IEntityTypeConfiguration<AllocationPoolItem>
{
    public void Configure(EntityTypeBuilder<AllocationPoolItem> builder)
    {
        builder.ToTable("AllocationPoolItems", t => t.HasCheckConstraint("CK_AllocationPoolItems_Remaining", "\"Remaining\" >= 0 AND \"Remaining\" <= \"Quantity\""));
        builder.HasKey(i => i.Id);
        builder.Property(i => i.PoolName).HasMaxLength(64);
        builder.Property(i => i.Sku).HasMaxLength(64);
        builder.Property(i => i.LocationCode).HasMaxLength(32);
        builder.Property(i => i.BinCode).HasMaxLength(32);
        builder.Property(i => i.Lot).HasMaxLength(64);
        builder.HasIndex(i => new { i.Sku, i.LocationCode });
    }
}
