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
using OrderHub.Modules.Notifications.Features.CustomerEmails;
using OrderHub.Modules.Notifications.Features.ListEmails;
using OrderHub.Modules.Notifications.Features.QueueLowStockAlert;
using OrderHub.Modules.Notifications.Features.SendQueuedEmails;
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
    }

    /// <summary>Customer emails from templates (<see cref="CustomerEmailQueue"/>), in the brand's look (<c>OrderHub:Notifications:Brand</c>, checked at start).</summary>
    private static void RegisterCustomerEmails(IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<BrandOptions>().Bind(context.Configuration.GetSection(BrandOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrandOptions>, BrandOptionsValidator>();
        services.AddSingleton<EmailRenderer>();
        services.AddScoped<CustomerEmailQueue>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var notifications = endpoints.MapGroup("/api/v1/notifications").WithTags(ModuleName).RequireAuthorization(ApiScopes.NotificationsRead);
        ListEmailsEndpoint.Map(notifications);
    }

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SendQueuedEmailsJob>("notifications-send-emails", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
}
