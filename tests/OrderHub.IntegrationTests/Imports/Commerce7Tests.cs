using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Orders.Features.MarketplaceOrders;
using OrderHub.Modules.Orders.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>The Commerce7 adapter against recorded answers served over real HTTP on a loopback port, and the pull it feeds.</summary>
public abstract class Commerce7Tests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_adapter_authenticates_pages_by_cursor_and_maps_orders_into_marketplace_place_order_commands()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var server = await FakeCommerce7.StartAsync(run, Ct);
        using var http = new HttpClient();
        var source = server.Source(http);

        var first = await source.FetchAsync(null, Ct);
        var second = await source.FetchAsync(first.NextCursor, Ct);
        var last = await source.FetchAsync(second.NextCursor, Ct);

        server.Requests.Select(r => r.Cursor).ShouldBe(["start", $"c2-{run}", $"c3-{run}"]);
        server.Requests.ShouldAllBe(r => r.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-id:app-secret")) && r.Tenant == "napa-test");
        first.NextCursor.ShouldBe($"c2-{run}");
        second.NextCursor.ShouldBe($"c3-{run}");
        last.Orders.ShouldBeEmpty();
        last.NextCursor.ShouldBeNull();

        var ana = first.Orders[0].Order;
        ana.Channel.ShouldBe("Marketplace");
        ana.ExternalReference.ShouldBe($"c7-{run}-a");
        ana.Customer!.Email.ShouldBe($"ana-{run}@example.com");
        ana.Customer.DateOfBirth.ShouldBe(new DateOnly(1979, 3, 14));
        ana.Customer.Phone.ShouldBe("+15035550101");
        (ana.ShippingAddress!.Line1, ana.ShippingAddress.Region, ana.ShippingAddress.PostalCode, ana.ShippingAddress.Country).ShouldBe(("800 NW Glisan St", "OR", "97209", "US"));
        ana.Lines!.Select(l => (l.Sku, l.Quantity)).ShouldBe([("CAB-2019-750", 2)]);
        first.Orders[1].Order.Lines!.Select(l => l.Sku).ShouldBe(["CHD-2022-750"]);
    }

    [Fact]
    public async Task An_error_answer_is_a_marketplace_source_exception_naming_the_status()
    {
        await using var server = await FakeCommerce7.StartAsync("x", Ct);
        using var http = new HttpClient();

        var ex = await Should.ThrowAsync<MarketplaceSourceException>(() => server.Source(http, appSecret: "wrong").FetchAsync(null, Ct));

        ex.Message.ShouldContain("401");
        ex.Message.ShouldContain("Invalid credentials");
    }

    [Fact]
    public async Task Pulled_orders_are_placed_once_even_when_pulled_twice_and_the_cursor_is_remembered()
    {
        fixture.RequireProvider();
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var server = await FakeCommerce7.StartAsync(run, Ct);
        using var http = new HttpClient();
        var source = server.Source(http);

        var first = await PullAsync(source);

        (first.Created, first.AlreadyImported, first.Rejected).ShouldBe((2, 1, 1));
        first.Cursor.ShouldBe($"c3-{run}");
        var stored = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().MarketplaceCursors.AsNoTracking()
            .SingleAsync(c => c.Source == "commerce7", Ct));
        stored.Cursor.ShouldBe($"c3-{run}");

        var next = await PullAsync(source);
        (next.Created, next.AlreadyImported).ShouldBe((0, 0));
        server.Requests[^1].Cursor.ShouldBe($"c3-{run}");

        // Pulled all over again from the start (a lost cursor): nothing is placed twice.
        await ForgetCursorAsync();
        var again = await PullAsync(source);
        (again.Created, again.AlreadyImported, again.Rejected).ShouldBe((0, 3, 1));

        var client = fixture.App.CreateApiClient();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email=ana-{run}@example.com", Ct);
        page.GetProperty("total").GetInt32().ShouldBe(1);
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        order.GetProperty("channel").GetString().ShouldBe("Marketplace");
        order.GetProperty("externalReference").GetString().ShouldBe($"c7-{run}-a");
        // Commerce7 charged it ("Paid"): placed without a card, the ledger naming the marketplace order.
        order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        var payment = order.GetProperty("payments")[0];
        (payment.GetProperty("type").GetString(), payment.GetProperty("status").GetString()).ShouldBe(("Authorization", "Succeeded"));
        payment.GetProperty("reference").GetString().ShouldBe($"prepaid:commerce7:c7-{run}-a");
        payment.GetProperty("amount").GetDecimal().ShouldBe(order.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_marketplace_paid_order_cannot_be_raised_here_and_keeps_its_total_and_ledger()
    {
        fixture.RequireProvider();
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var server = await FakeCommerce7.StartAsync(run, Ct);
        using var http = new HttpClient();
        await ForgetCursorAsync(); // each fake server starts its own feed: pull it from the start
        await PullAsync(server.Source(http));
        await ForgetCursorAsync(); // and leave none behind for the other pull tests
        var client = fixture.App.CreateApiClient();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email=ana-{run}@example.com", Ct);
        var id = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        var line = before.GetProperty("lines")[0];

        using var change = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{id}/changes")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = line.GetProperty("quantity").GetInt32() + 1 } },
                reason = "One more bottle",
            }),
        };
        change.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(change, Ct);

        // Commerce7 took the money: a prepaid token would authorize any extra, so raising the total here is refused.
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString().ShouldBe("PaidAtMarketplace");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        after.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(before.GetProperty("totals").GetProperty("total").GetDecimal());
        after.GetProperty("payments").GetArrayLength().ShouldBe(before.GetProperty("payments").GetArrayLength());
        after.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(line.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_web_store_cannot_claim_an_order_was_paid_at_a_marketplace()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var body = Infrastructure.Orders.ValidBody(email: $"prepaid-{Guid.NewGuid():N}@example.com", token: "prepaid:commerce7:forged");

        var response = await OrderHubApp.PlaceOrderAsync(client, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("payment.token")[0].GetString()!.ShouldContain("reserved");
    }

    private Task<int> ForgetCursorAsync() =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().MarketplaceCursors.Where(c => c.Source == "commerce7").ExecuteDeleteAsync(Ct));

    private Task<MarketplacePullReport> PullAsync(IMarketplaceOrderSource source) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<MarketplaceOrderPull>().RunAsync(source, 10, Ct));

    /// <summary>Kestrel on a free loopback port answering <c>GET /v1/order?cursor=</c> with the recordings.</summary>
    private sealed class FakeCommerce7 : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeCommerce7(WebApplication app, string baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public ConcurrentQueue<SeenRequest> Seen { get; } = new();

        public IReadOnlyList<SeenRequest> Requests => [.. Seen];

        public static async Task<FakeCommerce7> StartAsync(string run, CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            FakeCommerce7? self = null;
            app.MapGet("/v1/order", (HttpRequest request) =>
            {
                var cursor = request.Query["cursor"].ToString();
                var authorization = request.Headers.Authorization.ToString();
                self!.Seen.Enqueue(new SeenRequest(cursor, authorization, request.Headers["tenant"].ToString()));
                if (authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-id:app-secret")))
                {
                    return Results.Content(Commerce7Recordings.Unauthorized, "application/json", Encoding.UTF8, StatusCodes.Status401Unauthorized);
                }

                var body = cursor switch
                {
                    "start" => Commerce7Recordings.FirstPage,
                    _ when cursor == $"c2-{run}" => Commerce7Recordings.SecondPage,
                    _ => Commerce7Recordings.LastPage,
                };
                return Results.Content(body.Replace("{run}", run, StringComparison.Ordinal), "application/json");
            });
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new FakeCommerce7(app, address + "/v1");
            return self;
        }

        public Commerce7OrderSource Source(HttpClient http, string appSecret = "app-secret") =>
            new(http, Options.Create(new Commerce7Options { BaseUrl = BaseUrl, AppId = "app-id", AppSecret = appSecret, Tenant = "napa-test" }));

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record SeenRequest(string Cursor, string Authorization, string Tenant);
}

public sealed class Commerce7TestsOnSqlite(SqliteHostFixture fixture) : Commerce7Tests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class Commerce7TestsOnPostgres(PostgresHostFixture fixture) : Commerce7Tests(fixture), IClassFixture<PostgresHostFixture>;
