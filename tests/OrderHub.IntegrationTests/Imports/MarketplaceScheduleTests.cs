using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Modules.Orders;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>The Commerce7 pull is a recurring job only where OrderHub:Commerce7 is configured.</summary>
public sealed class MarketplaceScheduleTests
{
    [Fact]
    public void The_pull_is_scheduled_with_its_cron_when_configured_and_removed_when_not()
    {
        Schedule(new Dictionary<string, string?>
        {
            ["OrderHub:Commerce7:AppId"] = "app",
            ["OrderHub:Commerce7:AppSecret"] = "secret",
            ["OrderHub:Commerce7:Tenant"] = "napa",
            ["OrderHub:Commerce7:Schedule"] = "*/10 * * * *",
        }).Added.ShouldContainKeyAndValue("orders-pull-commerce7", "*/10 * * * *");

        var unconfigured = Schedule(new Dictionary<string, string?> { ["OrderHub:Commerce7:AppId"] = "app" });
        unconfigured.Added.ShouldNotContainKey("orders-pull-commerce7");
        unconfigured.Removed.ShouldContain("orders-pull-commerce7");
        unconfigured.Removed.ShouldContain("orders-resume-placements"); // placement steps are outbox rows: the old minutely job goes
    }

    private static RecordingJobs Schedule(Dictionary<string, string?> settings)
    {
        var module = new OrdersModule();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        module.Register(new ServiceCollection(), new ModuleContext(configuration, new DatabaseOptions()));
        var jobs = new RecordingJobs();
        module.ScheduleJobs(jobs);
        return jobs;
    }

    private sealed class RecordingJobs : IRecurringJobManager
    {
        public Dictionary<string, string> Added { get; } = [];

        public List<string> Removed { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Added[recurringJobId] = cronExpression;

        public void Trigger(string recurringJobId)
        {
        }

        public void RemoveIfExists(string recurringJobId) => Removed.Add(recurringJobId);
    }
}
