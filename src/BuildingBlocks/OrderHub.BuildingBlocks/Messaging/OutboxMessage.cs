using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>An integration event waiting to be (or already) dispatched. Claimed with a lease so several hosts never send it twice at once.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    /// <summary>When it happened; for a step queued for later, when it is due. The dispatcher claims in this order.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>The host holding the claim, for diagnosis.</summary>
    public string? LockedBy { get; set; }

    /// <summary>Claim lease end; also the earliest next attempt after a failure (back-off).</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Records that a consumer handled a message, saved in the same transaction as the handler's effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Handler { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(300);
        builder.Property(m => m.LockedBy).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ProcessedAt, m.OccurredAt });

        // The dispatcher's "what is due" scan: only pending rows, in order. Without it, a busy outbox's processed rows
        // (dead entries until vacuum) and stale statistics sent PostgreSQL to a sorted sequential scan: 41 ms a sweep
        // in a 5,000-label release against 0.1-5 ms with it (docs/performance.md).
        builder.HasIndex(m => m.OccurredAt).HasFilter("\"ProcessedAt\" IS NULL");
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => new { m.MessageId, m.Handler });
        builder.Property(m => m.Handler).HasMaxLength(300);
    }
}
