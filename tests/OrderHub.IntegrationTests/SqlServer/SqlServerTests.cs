using System.Net;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;
using Testcontainers.MsSql;

namespace OrderHub.IntegrationTests.SqlServer;

/// <summary>The production target. Needs a Docker engine (Testcontainers); skipped with that reason where none answers.</summary>
public sealed class SqlServerTests
{
    [Fact]
    public async Task Migrations_apply_and_an_order_travels_to_notifications_on_sql_server()
    {
        MsSqlContainer container;
        try
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
        }
        catch (DockerUnavailableException ex)
        {
            Assert.Skip($"No Docker engine answers here, so SQL Server cannot run: {ex.Message.Split('\n')[0]}");
            return;
        }

        await using (container)
        {
            await container.StartAsync(TestContext.Current.CancellationToken);
            var connectionString = new SqlConnectionStringBuilder(container.GetConnectionString()) { InitialCatalog = "orderhub" }.ConnectionString;
            await using var database = TestDatabase.ForServer(DatabaseProvider.SqlServer, connectionString);
            await using var app = new OrderHubApp(database);

            var response = await OrderHubApp.PlaceOrderAsync(app.CreateApiClient(), Infrastructure.Orders.ValidBody());
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                .RootElement.GetProperty("number").GetString();
            await app.DispatchOutboxAsync();

            (await app.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages.CountAsync(e => e.OrderNumber == number && e.Kind == "OrderReceived")))
                .ShouldBe(1);
        }
    }
}
