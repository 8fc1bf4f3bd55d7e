using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Fulfillment.Domain.PickLists;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class PickListConfiguration : IEntityTypeConfiguration<PickList>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PickList> builder)
    {
        builder.ToTable("PickLists");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(16);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.LocationCode).HasMaxLength(32);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedBy).HasMaxLength(100);
        builder.Property(p => p.CompletedBy).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.LocationCode, p.CreatedAt });
        builder.Property(p => p.FulfillmentIds).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<Guid>>(v, Json) ?? new List<Guid>(),
            new ValueComparer<IReadOnlyList<Guid>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PickListId);
        builder.Navigation(p => p.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PickListItemConfiguration : IEntityTypeConfiguration<PickListItem>
{
    public void Configure(EntityTypeBuilder<PickListItem> builder)
    {
        builder.ToTable("PickListItems");
        builder.HasKey(i => new { i.PickListId, i.Sequence });
        builder.Property(i => i.Bin).HasMaxLength(32);
        builder.Property(i => i.Sku).HasMaxLength(64);
        builder.Property(i => i.Lot).HasMaxLength(64);
        builder.Property(i => i.PickedLot).HasMaxLength(64);
        builder.Property(i => i.OrderNumber).HasMaxLength(32);
        builder.HasIndex(i => i.FulfillmentId);
    }
}
