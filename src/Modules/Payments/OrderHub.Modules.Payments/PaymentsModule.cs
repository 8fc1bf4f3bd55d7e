using System.Reflection;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Payments.Contracts.Queries;
using OrderHub.Modules.Payments.Domain;
using OrderHub.Modules.Payments.Features.CalculateTax;
using OrderHub.Modules.Payments.Features.GetOrderPayments;
using OrderHub.Modules.Payments.Features.RefundPayment;
using OrderHub.Modules.Payments.Features.RetryPendingPayments;
using OrderHub.Modules.Payments.Gateways;
using OrderHub.Modules.Payments.Gateways.Stripe;
using OrderHub.Modules.Payments.Persistence;

namespace OrderHub.Modules.Payments;

/// <summary>Composition root of the Payments module: the host calls this and nothing else inside the module.</summary>
public sealed class PaymentsModule : IModule
{
    public const string ModuleName = "Payments";

    public string Name => ModuleName;

    public string Schema => PaymentsDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(PaymentsModule).Assembly, typeof(GetOrderPaymentsQuery).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<PaymentsDbContext, SqlitePaymentsDbContext, SqlServerPaymentsDbContext, PostgreSqlPaymentsDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);

        // Checked at start-up: a missing gateway used to surface as a 500 in the middle of the first order.
        services.AddOptions<PaymentsOptions>().Bind(context.Configuration.GetSection(PaymentsOptions.Section))
            .Validate<IHostEnvironment>(
                (o, env) => !string.IsNullOrWhiteSpace(o.Gateway) || !env.IsProduction(),
                $"{PaymentsOptions.Section}:Gateway is not set: set it to Stripe (with {PaymentsOptions.Section}:Stripe:ApiKey); Production has no default gateway.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Gateway) || IsGateway(o.Gateway, TestPaymentGateway.GatewayName) || IsGateway(o.Gateway, StripePaymentGateway.GatewayName),
                $"{PaymentsOptions.Section}:Gateway is unknown: set it to Stripe or Test.")
            .Validate(
                o => !IsGateway(o.Gateway, StripePaymentGateway.GatewayName) || !string.IsNullOrWhiteSpace(o.Stripe.ApiKey),
                $"{PaymentsOptions.Section}:Stripe:ApiKey is not set: set it to the Stripe secret key (sk_...) to use the Stripe gateway.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Stripe.BaseUrl) || Uri.TryCreate(o.Stripe.BaseUrl, UriKind.Absolute, out _),
                $"{PaymentsOptions.Section}:Stripe:BaseUrl is not an absolute URL: set it to one, or remove it to use https://api.stripe.com.")
            .Validate(o => o.Stripe.Timeout > TimeSpan.Zero, $"{PaymentsOptions.Section}:Stripe:Timeout must be positive: set it to a duration such as 00:00:30.")
            .Validate(o => o.AuthorizationValidity > TimeSpan.Zero, $"{PaymentsOptions.Section}:AuthorizationValidity must be positive: set it to a duration such as 7.00:00:00.")
            .Validate(o => o.MaxAttempts >= 1, $"{PaymentsOptions.Section}:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<TaxOptions>().Bind(context.Configuration.GetSection(TaxOptions.Section))
            .Validate(
                o => o.SalesTaxRates.Values.Concat(o.WineLevyRates.Values).All(r => r is >= 0m and < 1m),
                $"{TaxOptions.Section}:SalesTaxRates and WineLevyRates are fractions: set each between 0 and 1 (0.0725 = 7.25 %).")
            .Validate(o => o.WineExcisePerLitre.Values.All(r => r >= 0m), $"{TaxOptions.Section}:WineExcisePerLitre must not be negative.")
            .ValidateOnStart();

        // The test gateway keeps its idempotency memory and holds for the life of the host, like a real gateway would.
        services.AddSingleton<TestPaymentGateway>();
        services.AddSingleton<StripePaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => new MarketplacePrepaidGateway(SelectGateway(sp)));
        services.AddScoped<PaymentProcessor>();
        services.AddSingleton<TaxRateTable>();
        services.AddTransient<RetryPendingPaymentsJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var payments = endpoints.MapGroup("/api/v1/payments").WithTags(ModuleName);
        GetOrderPaymentsEndpoint.Map(payments.MapGroup(string.Empty).RequireAuthorization(ApiScopes.PaymentsRead));
        RefundPaymentEndpoint.Map(payments.MapGroup(string.Empty).RequireAuthorization(ApiScopes.PaymentsWrite));
    }

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RetryPendingPaymentsJob>("payments-retry-pending", j => j.RunAsync(CancellationToken.None), Cron.Minutely());

    private static bool IsGateway(string? configured, string name) => string.Equals(configured, name, StringComparison.OrdinalIgnoreCase);

    private static IPaymentGateway SelectGateway(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<PaymentsOptions>>().Value.Gateway;
        if (string.IsNullOrWhiteSpace(configured) && services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            throw new InvalidOperationException(
                $"Set {PaymentsOptions.Section}:Gateway (Stripe in production); the built-in Test gateway is only the default outside production.");
        }

        return (configured ?? TestPaymentGateway.GatewayName) switch
        {
            var g when g.Equals(TestPaymentGateway.GatewayName, StringComparison.OrdinalIgnoreCase) => services.GetRequiredService<TestPaymentGateway>(),
            var g when g.Equals(StripePaymentGateway.GatewayName, StringComparison.OrdinalIgnoreCase) => services.GetRequiredService<StripePaymentGateway>(),
            var g => throw new InvalidOperationException($"Unknown payment gateway '{g}' in {PaymentsOptions.Section}:Gateway (Test or Stripe)."),
        };
    }
}
