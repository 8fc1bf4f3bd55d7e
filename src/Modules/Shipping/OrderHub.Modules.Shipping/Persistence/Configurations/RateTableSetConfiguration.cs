using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Persistence.Configurations;

internal sealed class RateTableSetConfiguration : IEntityTypeConfiguration<RateTableSet>
{
    public void Configure(EntityTypeBuilder<RateTableSet> builder)
    {
        builder.ToTable("RateTableSets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        RateTableJson.Map(builder.Property(r => r.Tables));
    }
}

internal sealed class RateTablesChangeConfiguration : IEntityTypeConfiguration<RateTablesChange>
{
    public void Configure(EntityTypeBuilder<RateTablesChange> builder)
    {
        builder.ToTable("RateTablesChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => c.Version);
        RateTableJson.Map(builder.Property(c => c.Before));
        RateTableJson.Map(builder.Property(c => c.After));
    }
}

/// <summary>Rate tables are read and written whole: JSON text, carriers and services by name, on every provider.</summary>
internal static class RateTableJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(PropertyBuilder<IReadOnlyList<CarrierRateTable>> property) => property.HasConversion(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<List<CarrierRateTable>>(v, Json) ?? new List<CarrierRateTable>(),
        new ValueComparer<IReadOnlyList<CarrierRateTable>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
}
