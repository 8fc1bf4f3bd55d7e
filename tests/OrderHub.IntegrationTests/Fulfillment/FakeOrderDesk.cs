using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Fulfillment.Dropship;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>A supplier's order desk answering every purchase order with one recorded answer.</summary>
internal sealed class FakeOrderDesk : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOrderDesk(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    public IReadOnlyList<SeenRequest> Requests => [.. Seen];

    public static Task<FakeOrderDesk> StartAsync(int status, string answer, CancellationToken cancellationToken) => StartAsync(status, answer, 0, cancellationToken);

    /// <summary>Starts the desk on <paramref name="port"/> (0: any free port).</summary>
    public static async Task<FakeOrderDesk> StartAsync(int status, string answer, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        FakeOrderDesk? self = null;
        app.MapPost("/v2/purchase-orders", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            self!.Seen.Enqueue(new SeenRequest(
                request.Path, request.Headers.Authorization.ToString(), request.Headers["Idempotency-Key"].ToString(), await reader.ReadToEndAsync()));
            return Results.Content(answer, "application/json", System.Text.Encoding.UTF8, status);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeOrderDesk(app, address + "/v2");
        return self;
    }

    public HttpSupplierGateway Gateway(HttpClient http) => new(http, Options.Create(Configured(BaseUrl)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static SupplierOptions Configured(string baseUrl)
    {
        var options = new SupplierOptions();
        options.Endpoints["SUPPLIER-SON"] = new SupplierEndpointOptions { BaseUrl = baseUrl, ApiToken = "sbc-token" };
        return options;
    }
}

internal sealed record SeenRequest(string Path, string Authorization, string IdempotencyKey, string Body);
