using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Web.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>
/// Two hosts in one process (tests start a second host with another clock or other settings) each keep their own
/// in-memory job store. Hangfire's default hands a host whatever store was configured last in the process, so a host
/// that resolved its store after another host had configured its own shared it, and the first of them to stop
/// disposed it under the other (an ObjectDisposedException in whichever test ran next).
/// </summary>
public sealed class JobStorageTests
{
    [Fact]
    public async Task Each_host_keeps_its_own_in_memory_job_store_whatever_the_order_they_are_configured_in()
    {
        await using var first = Provider();
        await using var second = Provider();
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>(); // configured after the first: the last one in the process

        var firstStore = first.GetRequiredService<JobStorage>();
        var secondStore = second.GetRequiredService<JobStorage>();

        firstStore.ShouldNotBeSameAs(secondStore);
        await second.DisposeAsync();
        first.GetRequiredService<IRecurringJobManager>().AddOrUpdate("probe", () => Console.WriteLine("probe"), Cron.Never());
        using var connection = firstStore.GetConnection();
        connection.GetAllEntriesFromHash("recurring-job:probe").ShouldNotBeNull();
    }

    private static ServiceProvider Provider() =>
        new ServiceCollection().AddLogging().AddOrderHubJobs(new DatabaseOptions(), new JobsOptions { RunServer = false }).BuildServiceProvider();
}
