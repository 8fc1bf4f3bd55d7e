using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.Modules.Notifications.Domain.Webhooks;

namespace OrderHub.Modules.Notifications.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Events).HasMaxLength(500);
        builder.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionMaxLength);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.CreatedBy).HasMaxLength(300);
        builder.Property(s => s.DisabledReason).HasMaxLength(300);
        builder.Property(s => s.LastDeliveryStatus).HasMaxLength(20);
        builder.Ignore(s => s.EventTypes);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(50);
        builder.Property(d => d.Subject).HasMaxLength(200);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.LastResponse).HasMaxLength(WebhookDelivery.ResponseMaxLength);
        builder.Property(d => d.RetriedBy).HasMaxLength(300);

        // A redelivered integration event never queues a second delivery.
        builder.HasIndex(d => new { d.SubscriptionId, d.SourceEventId, d.EventType }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Response).HasMaxLength(WebhookDelivery.ResponseMaxLength);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}
