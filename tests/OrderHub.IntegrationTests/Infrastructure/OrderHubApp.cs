using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using Serilog.Core;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// The real host on a real database, configured the way an operator would (configuration keys only); with
/// <paramref name="logs"/>, the host's log events are also captured for the test to read.
/// </summary>
public sealed class OrderHubApp(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides = null, LogCapture? logs = null)
    : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-all-scopes";
    public const string AdminEmail = "admin@orderhub.test";
    public const string AdminPassword = "Test-Admin-Password-1";

    public const string TrackingWebhookSecret = "test-tracking-webhook-secret";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["OrderHub:Database:Provider"] = Database.Provider.ToString(),
            ["OrderHub:Database:ConnectionString"] = Database.ConnectionString,
            ["OrderHub:Database:MigrateOnStartup"] = "true",
            ["OrderHub:Outbox:DispatcherEnabled"] = "false",
            ["OrderHub:Jobs:RunServer"] = "false",
            ["OrderHub:DemoData:Enabled"] = "true",
            ["OrderHub:DemoData:Orders"] = "false", // tests count the demo stock; DemoJourneyTests turns the orders on
            ["OrderHub:Bootstrap:ApiKey"] = ApiKey,
            ["OrderHub:Bootstrap:AdminEmail"] = AdminEmail,
            ["OrderHub:Bootstrap:AdminPassword"] = AdminPassword,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["OrderHub:Swagger:Enabled"] = "true", // off by default outside Development
            ["OrderHub:Shipping:TrackingWebhookSecret"] = TrackingWebhookSecret,
            ["OrderHub:Shipping:Carriers:UPS:AlcoholAgreement"] = "true", // the winery ships wine by UPS and FedEx
            ["OrderHub:Shipping:Carriers:FedEx:AlcoholAgreement"] = "true",
            // Wine's weather holds would make label tests depend on the month they run in: wide limits here; the weather
            // tests (WeatherHoldTests) set their own.
            ["OrderHub:Shipping:Weather:MinF"] = "-100",
            ["OrderHub:Shipping:Weather:MaxF"] = "200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(logs));
        }
    }

    public HttpClient CreateApiClient(string? apiKey = ApiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Runs the outbox dispatcher once, as the background service would.</summary>
    public Task<int> DispatchOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static async Task<HttpResponseMessage> PlaceOrderAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }
}
