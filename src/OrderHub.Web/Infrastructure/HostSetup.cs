using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Web.Access;
using Serilog;
using Serilog.Core;

namespace OrderHub.Web.Infrastructure;

/// <summary>Composes the host: modules, Mediator, persistence, auth, Swagger, Hangfire, health and problem details.</summary>
internal static class HostSetup
{
    public const string AdminPolicy = "Admin";
    private const string SmartScheme = "OrderHub";

    public static WebApplicationBuilder AddOrderHub(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();

        services.AddSerilog((sp, lc) => lc
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext());
        // Read by ReadFrom.Services: expected conflicts are not errors, and an import's rows do not log at Information.
        services.AddSingleton<ILogEventFilter, IdempotencyRaceLogFilter>();
        services.AddSingleton<ILogEventFilter, BulkItemLogFilter>();

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.SectionName));
        services.AddSingleton(TimeProvider.System);

        // Modules
        var moduleContext = new ModuleContext(configuration, database);
        foreach (var module in ModuleCatalog.All)
        {
            module.Register(services, moduleContext);
        }

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies =
            [
                typeof(OrderHub.Modules.Orders.OrdersModule), typeof(OrderHub.Modules.Orders.Contracts.Queries.GetOrdersModuleStatusQuery),
                typeof(OrderHub.Modules.Inventory.InventoryModule), typeof(OrderHub.Modules.Inventory.Contracts.Queries.GetInventoryModuleStatusQuery),
                typeof(OrderHub.Modules.Compliance.ComplianceModule), typeof(OrderHub.Modules.Compliance.Contracts.Queries.GetComplianceModuleStatusQuery),
                typeof(OrderHub.Modules.Payments.PaymentsModule), typeof(OrderHub.Modules.Payments.Contracts.Queries.GetPaymentsModuleStatusQuery),
                typeof(OrderHub.Modules.Fulfillment.FulfillmentModule), typeof(OrderHub.Modules.Fulfillment.Contracts.Queries.GetFulfillmentModuleStatusQuery),
                typeof(OrderHub.Modules.Shipping.ShippingModule), typeof(OrderHub.Modules.Shipping.Contracts.Queries.GetShippingModuleStatusQuery),
                typeof(OrderHub.Modules.Notifications.NotificationsModule), typeof(OrderHub.Modules.Notifications.Contracts.Queries.GetNotificationsModuleStatusQuery),
            ];
            // Outermost first; the source generator reads this literal, and a test pins the order.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        // Singletons: validators are stateless, and building one compiles its rules' expression trees (too dear per request).
        services.AddValidatorsFromAssemblies(ModuleCatalog.All.SelectMany(m => m.Assemblies), ServiceLifetime.Singleton, includeInternalTypes: true);

        // Outbox
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();

        // Access: Identity for staff, API keys for clients
        services.AddAccessDatabase(database);
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "orderhub.auth";
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "API key for /api, cookie elsewhere", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(StaffRoles.Admin));
        services.AddAuthorization(o =>
        {
            foreach (var scope in ApiScopes.All)
            {
                o.AddPolicy(scope, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(ApiScopes.ClaimType, scope));
            }
        });
        services.AddScoped<AccessBootstrapper>();
        services.AddMemoryCache();

        // HTTP surface
        services.AddControllersWithViews();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddControllers().AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            if (ctx.HttpContext.Items[CorrelationIdMiddleware.HeaderName] is string correlationId)
            {
                ctx.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOrderHubSwagger();
        services.AddOrderHubJobs(database, jobs);
        return builder;
    }

    public static WebApplication UseOrderHub(this WebApplication app)
    {
        // Correlation and request logging sit outside the exception handler so the log shows the status actually sent.
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "OrderHub API v1");
            o.DocumentTitle = "OrderHub API";
        });
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], DashboardTitle = "OrderHub jobs" })
            .RequireAuthorization(AdminPolicy);
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });

        foreach (var module in ModuleCatalog.All)
        {
            module.MapEndpoints(app);
        }

        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }

    private static void AddAccessDatabase(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddProviderDbContext<AccessDbContext, SqliteAccessDbContext, SqlServerAccessDbContext, PostgreSqlAccessDbContext>(AccessDbContext.SchemaName, database);
        services.AddHealthChecks().AddDbContextCheck<AccessDbContext>("db-access", tags: ["ready"]);
    }
}
