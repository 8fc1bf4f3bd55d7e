using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Fulfillment.Domain.Sourcing;

namespace OrderHub.Modules.Fulfillment.Persistence.Configurations;

internal sealed class SourcingDecisionConfiguration : IEntityTypeConfiguration<SourcingDecision>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SourcingDecision> builder)
    {
        builder.ToTable("SourcingDecisions");
        builder.HasKey(d => d.OrderId);
        builder.Property(d => d.OrderId).ValueGeneratedNever();
        builder.Property(d => d.DecidingRule).HasMaxLength(200);
        builder.Property(d => d.Currency).HasMaxLength(3);
        // Read and written whole, never queried inside: JSON text keeps the record as it was decided on every provider.
        builder.Property(d => d.Plan).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<PlannedShipmentRecord>>(v, Json) ?? new List<PlannedShipmentRecord>(),
            new ValueComparer<IReadOnlyList<PlannedShipmentRecord>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
        builder.Property(d => d.Considered).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<ConsideredLocationRecord>>(v, Json) ?? new List<ConsideredLocationRecord>(),
            new ValueComparer<IReadOnlyList<ConsideredLocationRecord>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
    }
}
