using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Auditing;
using OrderHub.BuildingBlocks.Csv;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Web.Access;
using OrderHub.Web.DemoData;
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
        var database = configuration.BindNow<DatabaseOptions>(DatabaseOptions.SectionName);
        var jobs = configuration.BindNow<JobsOptions>(JobsOptions.SectionName);

        // Each host logs through its own pipeline (tests run several hosts in one process; the static logger is
        // Program's console logger for start-up failures).
        services.AddSerilog((sp, lc) =>
        {
            lc.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(sp)
                .Enrich.FromLogContext();
            if (!configuration.GetSection("Serilog:WriteTo").GetChildren().Any())
            {
                // No sink configured (a host started from another folder has no appsettings.json): never run silent.
                lc.WriteTo.Console();
            }
        }, preserveStaticLogger: true);

        // Read by ReadFrom.Services: expected conflicts are not errors, and an import's rows do not log at Information.
        services.AddSingleton<ILogEventFilter, IdempotencyRaceLogFilter>();
        services.AddSingleton<ILogEventFilter, BulkItemLogFilter>();

        // Settings are checked at start-up (Program calls ValidateSettings before touching the database).
        services.AddHostSettings(configuration);
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName))
            .Validate(o => o.MaxUploadBytes > 0, $"{ImportOptions.SectionName}:MaxUploadBytes must be positive: set it to a size in bytes such as 1073741824.")
            .ValidateOnStart();
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
                typeof(GetModuleStatusQuery),
                typeof(OrderHub.Modules.Orders.OrdersModule), typeof(OrderHub.Modules.Orders.Contracts.IntegrationEvents.OrderReceivedIntegrationEvent),
                typeof(OrderHub.Modules.Inventory.InventoryModule), typeof(OrderHub.Modules.Inventory.Contracts.Queries.GetProductsBySkuQuery),
                typeof(OrderHub.Modules.Compliance.ComplianceModule), typeof(OrderHub.Modules.Compliance.Contracts.Commands.DecideComplianceCommand),
                typeof(OrderHub.Modules.Payments.PaymentsModule), typeof(OrderHub.Modules.Payments.Contracts.Queries.GetOrderPaymentsQuery),
                typeof(OrderHub.Modules.Fulfillment.FulfillmentModule), typeof(OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents.OrderSourcedIntegrationEvent),
                typeof(OrderHub.Modules.Shipping.ShippingModule), typeof(OrderHub.Modules.Shipping.Contracts.IntegrationEvents.ShipmentStatusChangedIntegrationEvent),
                typeof(OrderHub.Modules.Notifications.NotificationsModule),
            ];
            // Outermost first; the source generator reads this literal, and a test pins the order. Idempotency runs inside
            // the unit of work, so a remembered answer commits with the effect it answers for.
            options.PipelineBehaviors =
                [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>), typeof(IdempotencyBehavior<,>)];
        });
        // Singletons: validators are stateless, and building one compiles its rules' expression trees (too dear per request).
        services.AddValidatorsFromAssemblies(ModuleCatalog.All.SelectMany(m => m.Assemblies), ServiceLifetime.Singleton, includeInternalTypes: true);

        // Outbox
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<RequestsFirst>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();

        // Access: Identity for staff, API keys for clients
        services.AddAccessDatabase(database);
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = StaffPasswords.MinimumLength;
                o.User.RequireUniqueEmail = true;
                // No lockout on failed passwords (anyone could lock the admin out): sign-in is throttled instead
                // (SignInThrottling). An admin can still disable an account by setting its lockout end.
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
        // Every back-office request checks the account's security stamp (one look-up by key): a disabled user, a reset
        // password or changed roles take effect at the user's next request, not half an hour later.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
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
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ApiClientRegistry>();
        services.AddScoped<AuditLog>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IDemoDataSeeder, DemoJourneySeeder>(); // orders at every stage, through the modules' own commands
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
        services.AddSignInThrottling(configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddOrderHubJobs(database, jobs);
        return builder;
    }

    public static WebApplication UseOrderHub(this WebApplication app)
    {
        // Correlation and request logging sit outside the exception handler so the log shows the status actually sent.
        app.UseRequestsFirst(); // outermost: a request counts as in flight for all of its answering
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Exceptions and bare status codes: RFC 9457 problems for /api and API clients, HTML error pages for staff in a
        // browser (BackOfficeErrors). The exception handler logs 5xx itself; 4xx on a page is not an error of the host.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = BackOfficeErrors.ExceptionPath,
            AllowStatusCode404Response = true,
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseWhen(BackOfficeErrors.WantsHtml, b => b.UseStatusCodePagesWithReExecute(BackOfficeErrors.StatusPathFormat));
        app.UseWhen(c => !BackOfficeErrors.WantsHtml(c), b => b.UseStatusCodePages());
        app.UseStaticFiles();
        app.UseSignInThrottling();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AuditMiddleware>(); // after authorization: a refused request is never recorded as done

        app.UseOrderHubSwagger();
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
            app.MapModuleStatus(module);
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
