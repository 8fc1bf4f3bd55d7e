using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>
/// Imports stream their file, so they take bodies far above Kestrel's 30 MB default request limit, up to
/// <c>OrderHub:Imports:MaxUploadBytes</c> (set to 40 MB here to keep the test fast). Through real Kestrel on loopback:
/// the in-memory test server enforces no body limit at all.
/// </summary>
public sealed class LargeUploadTests : IAsyncLifetime
{
    private const long Limit = 40_000_000;
    private const int OverKestrelDefault = 31_000_000;

    private TestDatabase? _database;
    private OrderHubApp? _app;
    private HttpClient? _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        _app = new OrderHubApp(_database, new Dictionary<string, string?> { ["OrderHub:Imports:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A loaded machine may take over a second to answer "Expect: 100-continue"; the default 1 s wait would send the
        // body anyway, and the server's early 413 then breaks the pipe mid-upload instead of being read.
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        _client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_csv_body_over_30_MB_is_imported_to_its_last_row()
    {
        var (csv, first, last) = ProductsPaddedTo(OverKestrelDefault);
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await _client!.PostAsync("/api/v1/products/import", content, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
        (await _client.GetAsync($"/api/v1/products/{first}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetAsync($"/api/v1/products/{last}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_multipart_file_over_30_MB_is_imported()
    {
        var (csv, _, last) = ProductsPaddedTo(OverKestrelDefault);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "products.csv");

        var response = await _client!.PostAsync("/api/v1/products/import", form, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2);
        (await _client.GetAsync($"/api/v1/products/{last}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_a_413_problem()
    {
        var (csv, first, _) = ProductsPaddedTo((int)Limit + 1_000_000);
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products/import") { Content = content };
        request.Headers.ExpectContinue = true; // the refusal comes before the body is sent, as a well-behaved client would ask
        var response = await _client!.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync(Ct));
        (await _client.GetAsync($"/api/v1/products/{first}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A header, a product, blank lines (skipped by the reader) up to the size, and a last product.</summary>
    private static (byte[] Csv, string First, string Last) ProductsPaddedTo(int size)
    {
        string first = InventoryApi.NewSku("BIG"), last = InventoryApi.NewSku("BIG");
        var head = Encoding.UTF8.GetBytes($"sku,name,price,currency\n{first},First of a big file,10,USD\n");
        var tail = Encoding.UTF8.GetBytes($"{last},Last of a big file,11,USD\n");
        var csv = new byte[size];
        head.CopyTo(csv, 0);
        csv.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'\n');
        tail.CopyTo(csv, size - tail.Length);
        return (csv, first, last);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
