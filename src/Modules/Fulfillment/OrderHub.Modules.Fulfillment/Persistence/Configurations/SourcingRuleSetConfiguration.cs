using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Fulfillment.Domain.SourcingRules;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class SourcingRuleSetConfiguration : IEntityTypeConfiguration<SourcingRuleSet>
{
    public void Configure(EntityTypeBuilder<SourcingRuleSet> builder)
    {
        builder.ToTable("SourcingRuleSets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        RuleJson.Map(builder.Property(r => r.Rules));
    }
}

internal sealed class SourcingRulesChangeConfiguration : IEntityTypeConfiguration<SourcingRulesChange>
{
    public void Configure(EntityTypeBuilder<SourcingRulesChange> builder)
    {
        builder.ToTable("SourcingRulesChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => c.At);
        RuleJson.Map(builder.Property(c => c.Before));
        RuleJson.Map(builder.Property(c => c.After));
    }
}

/// <summary>Rules are read and written whole: JSON text, kinds by name, on every provider.</summary>
internal static class RuleJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(PropertyBuilder<IReadOnlyList<StaffSourcingRule>> property) => property.HasConversion(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<List<StaffSourcingRule>>(v, Json) ?? new List<StaffSourcingRule>(),
        new ValueComparer<IReadOnlyList<StaffSourcingRule>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
}
