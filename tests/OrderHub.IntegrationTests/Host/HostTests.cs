using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>The host's public surface, on each database provider.</summary>
public abstract class HostTests(HostFixture fixture)
{
    [Fact]
    public async Task Liveness_and_readiness_report_healthy_with_every_module_database_checked()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient(apiKey: null);

        (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        foreach (var module in ModuleCatalog.All)
        {
            checks.ShouldContain($"db-{module.Schema}");
        }

        checks.ShouldContain("db-access");
    }

    [Fact]
    public async Task Every_module_answers_its_status_query_through_mediator_and_its_own_database()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        foreach (var module in ModuleCatalog.All)
        {
            var status = await client.GetFromJsonAsync<ModuleStatusDto>($"/api/v1/modules/{module.Schema}/status", TestContext.Current.CancellationToken);
            status.ShouldNotBeNull();
            status.Module.ShouldBe(module.Name);
            status.DatabaseReachable.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_step_queued_for_a_later_day_is_counted_as_scheduled_not_as_pending_work()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var ct = TestContext.Current.CancellationToken;
        var shipping = fixture.App.Services.GetServices<ModuleDatabase>().Single(m => m.Schema == "shipping");
        var before = await client.GetFromJsonAsync<ModuleStatusDto>("/api/v1/modules/shipping/status", ct);

        var dueAt = DateTimeOffset.UtcNow.AddDays(300);
        var step = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = "a step for a later day",
            Payload = "{}",
            OccurredAt = dueAt,
            LockedBy = ModuleDbContext.NotDueYet,
            LockedUntil = dueAt,
        };
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(shipping.ContextType);
            db.OutboxMessages.Add(step);
            await db.SaveChangesAsync(ct);
        }

        try
        {
            var after = await client.GetFromJsonAsync<ModuleStatusDto>("/api/v1/modules/shipping/status", ct);
            after!.ScheduledOutboxMessages.ShouldBe(before!.ScheduledOutboxMessages + 1);
            after.PendingOutboxMessages.ShouldBe(before.PendingOutboxMessages);
        }
        finally
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(shipping.ContextType);
            await db.OutboxMessages.Where(m => m.Id == step.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Api_without_a_key_is_401_and_with_an_unknown_key_is_401_as_problem_details()
    {
        fixture.RequireProvider();
        var anonymous = await fixture.App.CreateApiClient(apiKey: null).GetAsync("/api/v1/products/CAB-2019-750", TestContext.Current.CancellationToken);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        var wrongKey = await fixture.App.CreateApiClient("not-a-key").GetAsync("/api/v1/products/CAB-2019-750", TestContext.Current.CancellationToken);
        wrongKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Demo_catalog_and_stock_are_served_as_api_md_shapes_them()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        using var product = JsonDocument.Parse(await client.GetStringAsync("/api/v1/products/CAB-2019-1500", TestContext.Current.CancellationToken));
        product.RootElement.GetProperty("volumeMl").GetInt32().ShouldBe(1500);
        product.RootElement.GetProperty("unitsPerCase").GetInt32().ShouldBe(6);
        product.RootElement.GetProperty("isAlcohol").GetBoolean().ShouldBeTrue();

        using var stock = JsonDocument.Parse(await client.GetStringAsync("/api/v1/inventory/CAB-2019-750", TestContext.Current.CancellationToken));
        var locations = stock.RootElement.GetProperty("locations").EnumerateArray().ToList();
        locations.Select(l => l.GetProperty("locationCode").GetString()).ShouldBe(["NAPA-WH", "TASTING-ROOM"]);
        locations[0].GetProperty("onHand").GetInt32().ShouldBe(360); // two bins, two lots
        stock.RootElement.GetProperty("totalAvailable").GetInt32().ShouldBe(384);

        var missing = await client.GetAsync("/api/v1/inventory/NO-SUCH-SKU", TestContext.Current.CancellationToken);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Swagger_documents_the_api_with_the_api_key_scheme()
    {
        fixture.RequireProvider();
        var json = await fixture.App.CreateApiClient(apiKey: null).GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(json);
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("name").GetString().ShouldBe("X-Api-Key");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        var paths = doc.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/v1/orders", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/inventory/{sku}", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Back_office_sign_in_page_is_served_and_the_hangfire_dashboard_requires_sign_in()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient(apiKey: null);
        var login = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Sign in to the back-office");

        var dashboard = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);
        dashboard.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        dashboard.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}

public sealed class HostTestsOnSqlite(SqliteHostFixture fixture) : HostTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class HostTestsOnPostgres(PostgresHostFixture fixture) : HostTests(fixture), IClassFixture<PostgresHostFixture>;
