using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Domain.Emails;
using OrderHub.Modules.Notifications.Domain.Webhooks;

namespace OrderHub.Modules.Notifications.Persistence;

/// <summary>The Notifications module's own database: schema "notifications", its tables, outbox and inbox.</summary>
internal abstract class NotificationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "notifications";

    protected override string Schema => SchemaName;

    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();

    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();

    public DbSet<PromisedDelivery> PromisedDeliveries => Set<PromisedDelivery>();

    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();

    public DbSet<StaffAlert> StaffAlerts => Set<StaffAlert>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(NotificationsDbContext).Namespace!, StringComparison.Ordinal) == true);
}
