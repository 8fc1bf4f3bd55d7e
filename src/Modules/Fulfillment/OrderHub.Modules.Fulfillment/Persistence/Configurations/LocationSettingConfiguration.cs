using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Fulfillment.Domain.LocationSettings;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class LocationSettingConfiguration : IEntityTypeConfiguration<LocationSetting>
{
    public void Configure(EntityTypeBuilder<LocationSetting> builder)
    {
        builder.ToTable("LocationSettings");
        builder.HasKey(s => s.LocationCode);
        builder.Property(s => s.LocationCode).HasMaxLength(32).ValueGeneratedNever();
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Terms);
    }
}

internal sealed class LocationSettingsChangeConfiguration : IEntityTypeConfiguration<LocationSettingsChange>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<LocationSettingsChange> builder)
    {
        builder.ToTable("LocationSettingsChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.LocationCode).HasMaxLength(32);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => new { c.LocationCode, c.Version }).IsUnique();
        builder.HasIndex(c => c.At);
        // Read and written whole: JSON text on every provider.
        builder.Property(c => c.Before).HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, Json),
            v => v == null ? null : JsonSerializer.Deserialize<LocationTerms>(v, Json));
        builder.Property(c => c.After).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<LocationTerms>(v, Json)!);
    }
}
