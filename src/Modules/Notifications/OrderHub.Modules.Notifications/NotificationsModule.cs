using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Domain.Alerts;
using OrderHub.Modules.Notifications.Features.AcknowledgeStaffAlert;
using OrderHub.Modules.Notifications.Features.CreateWebhook;
using OrderHub.Modules.Notifications.Features.CustomerEmails;
using OrderHub.Modules.Notifications.Features.DeleteWebhook;
using OrderHub.Modules.Notifications.Features.EmailTemplates;
using OrderHub.Modules.Notifications.Features.EnableWebhook;
using OrderHub.Modules.Notifications.Features.GetEmail;
using OrderHub.Modules.Notifications.Features.ListEmails;
using OrderHub.Modules.Notifications.Features.ListStaffAlerts;
using OrderHub.Modules.Notifications.Features.ListWebhookDeliveries;
using OrderHub.Modules.Notifications.Features.ListWebhooks;
using OrderHub.Modules.Notifications.Features.QueueLowStockAlert;
using OrderHub.Modules.Notifications.Features.QueueWebhookDeliveries;
using OrderHub.Modules.Notifications.Features.RaiseStaffAlert;
using OrderHub.Modules.Notifications.Features.RetryEmail;
using OrderHub.Modules.Notifications.Features.RetryWebhookDelivery;
using OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;
using OrderHub.Modules.Notifications.Features.SendQueuedEmails;
using OrderHub.Modules.Notifications.Features.SendWebhooks;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications;

/// <summary>Composition root of the Notifications module: the host calls this and nothing else inside the module.</summary>
public sealed class NotificationsModule : IModule
{
    public const string ModuleName = "Notifications";

    public string Name => ModuleName;

    public string Schema => NotificationsDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(NotificationsModule).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext, PostgreSqlNotificationsDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddOptions<SmtpOptions>().Bind(context.Configuration.GetSection(SmtpOptions.SectionName))
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Host), $"{SmtpOptions.SectionName}:Host is not set: set it to the SMTP server's name (or set {SmtpOptions.SectionName}:Enabled to false).")
            .Validate(o => !o.Enabled || o.Port is >= 1 and <= 65535, $"{SmtpOptions.SectionName}:Port must be between 1 and 65535 (25, 465 or 587).")
            .Validate(o => !o.Enabled || MailboxAddress.TryParse(o.From, out _), $"{SmtpOptions.SectionName}:From is not an email address: set it to one, such as OrderHub <orders@example.com>.")
            .Validate(
                o => !o.Enabled || string.IsNullOrEmpty(o.UserName) || !string.IsNullOrEmpty(o.Password),
                $"{SmtpOptions.SectionName}:Password is not set: set it for {SmtpOptions.SectionName}:UserName (or remove the user name).")
            .Validate(o => o.MaxAttempts >= 1, $"{SmtpOptions.SectionName}:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.AddTransient<SendQueuedEmailsJob>();
        RegisterCustomerEmails(services, context);
        services.AddOptions<StaffAlertOptions>().Bind(context.Configuration.GetSection(StaffAlertOptions.SectionName))
            .Validate(o => MailboxAddress.TryParse(o.StaffEmail, out _), $"{StaffAlertOptions.SectionName}:StaffEmail is not an email address: set it to the staff mailbox for stock alerts.")
            .ValidateOnStart();
        services.AddOptions<StaffAlertsOptions>().Bind(context.Configuration.GetSection(StaffAlertsOptions.SectionName))
            .Validate(
                o => o.AlertEmails.Keys.All(k => Enum.TryParse<AlertKind>(k, ignoreCase: true, out _)),
                $"{StaffAlertsOptions.SectionName}:AlertEmails has a key that is not an alert kind: use {string.Join(", ", Enum.GetNames<AlertKind>())}.")
            .Validate(
                o => o.AlertEmails.Values.All(v => string.IsNullOrWhiteSpace(v) || MailboxAddress.TryParse(v, out _)),
                $"{StaffAlertsOptions.SectionName}:AlertEmails has a value that is not an email address: set each kind to a role's mailbox.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.BackOfficeUrl) || Uri.TryCreate(o.BackOfficeUrl, UriKind.Absolute, out _),
                $"{StaffAlertsOptions.SectionName}:BackOfficeUrl is not an absolute URL: set it to the back-office's address, e.g. https://orderhub.example.com.")
            .Validate(o => o.ComplianceHoldMinutes >= 0 && o.LabelPendingMinutes > 0 && o.StuckOrderHours.Values.All(h => h >= 0), $"{StaffAlertsOptions.SectionName}: alert thresholds must not be negative.")
            .ValidateOnStart();
        services.AddScoped<StaffAlertDesk>();
        services.AddTransient<ScanForStaffAlertsJob>();
        services.AddTransient<FailedBackgroundJobs>();
        RegisterWebhooks(services, context);
    }

    /// <summary>
    /// Outbound webhooks (<c>OrderHub:Webhooks</c>): the queue the inbox handlers write to, and the sender's HTTP client,
    /// whose every connection goes through the private-address guard (unless private targets are allowed) and never
    /// follows a redirect.
    /// </summary>
    private static void RegisterWebhooks(IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<WebhookOptions>().Bind(context.Configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 60, $"{WebhookOptions.SectionName}:TimeoutSeconds must be between 1 and 60.")
            .Validate(o => o.DisableAfterFailedDeliveries >= 1, $"{WebhookOptions.SectionName}:DisableAfterFailedDeliveries must be at least 1.")
            .Validate(o => o.BatchSize >= 1, $"{WebhookOptions.SectionName}:BatchSize must be at least 1.")
            .Validate(o => o.MaxParallelPosts is >= 1 and <= 64, $"{WebhookOptions.SectionName}:MaxParallelPosts must be between 1 and 64.")
            .Validate(o => o.RunBudgetSeconds is >= 1 and <= 50, $"{WebhookOptions.SectionName}:RunBudgetSeconds must be between 1 and 50 (a run starts every minute).")
            .ValidateOnStart();
        services.AddScoped<WebhookQueue>();
        services.AddTransient<SendWebhooksJob>();
        services.AddHttpClient(SendWebhooksJob.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan) // the job's own time-out applies
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (connect, ct) => WebhookTargetGuard.ConnectAsync(connect.DnsEndPoint, allowPrivate, ct),
                };
            });
    }

    /// <summary>Customer emails from templates (<see cref="CustomerEmailQueue"/>), in the brand's look (<c>OrderHub:Notifications:Brand</c>, checked at start).</summary>
    private static void RegisterCustomerEmails(IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<BrandOptions>().Bind(context.Configuration.GetSection(BrandOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrandOptions>, SelfCheckedOptionsValidator<BrandOptions>>();
        services.AddSingleton<EmailRenderer>();
        services.AddScoped<CustomerEmailQueue>();
        services.AddSingleton<EmailTemplateCache>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/v1/notifications").WithTags(ModuleName).RequireAuthorization(ApiScopes.NotificationsRead);
        var write = endpoints.MapGroup("/api/v1/notifications").WithTags(ModuleName).RequireAuthorization(ApiScopes.NotificationsWrite);
        ListEmailsEndpoint.Map(read);
        GetEmailEndpoint.Map(read);
        RetryEmailEndpoint.Map(write);
        EmailTemplatesEndpoints.Map(read, write);
        var alerts = endpoints.MapGroup("/api/v1").WithTags("Alerts");
        ListStaffAlertsEndpoint.Map(alerts);
        AcknowledgeStaffAlertEndpoint.Map(alerts);
        var webhooks = endpoints.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(ApiScopes.WebhooksWrite);
        CreateWebhookEndpoint.Map(webhooks);
        ListWebhooksEndpoint.Map(webhooks);
        DeleteWebhookEndpoint.Map(webhooks);
        SetWebhookEnabledEndpoint.Map(webhooks);
        ListWebhookDeliveriesEndpoint.Map(webhooks);
        RetryWebhookDeliveryEndpoint.Map(webhooks);
    }

    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<SendQueuedEmailsJob>("notifications-send-emails", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<SendWebhooksJob>("notifications-send-webhooks", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<ScanForStaffAlertsJob>("notifications-scan-alerts", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
    }
}
