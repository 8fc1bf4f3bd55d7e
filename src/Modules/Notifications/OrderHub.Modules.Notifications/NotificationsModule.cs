using System.Reflection;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Notifications.Contracts.Queries;
using OrderHub.Modules.Notifications.Features.GetModuleStatus;
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

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(NotificationsModule).Assembly, typeof(GetNotificationsModuleStatusQuery).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, SqlServerNotificationsDbContext, PostgreSqlNotificationsDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.Configure<SmtpOptions>(context.Configuration.GetSection(SmtpOptions.SectionName));
        services.AddTransient<SendQueuedEmailsJob>();
        services.Configure<StaffAlertOptions>(context.Configuration.GetSection(StaffAlertOptions.SectionName));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        GetNotificationsModuleStatusEndpoint.Map(endpoints);
        ListEmailsEndpoint.Map(endpoints);
    }

    public IQuery<ModuleStatusDto> CreateStatusQuery() => new GetNotificationsModuleStatusQuery();

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SendQueuedEmailsJob>("notifications-send-emails", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
}
