using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Orders.Features.MarketplaceOrders;

/// <summary>Recurring (scheduled only when <c>OrderHub:Commerce7</c> is configured): pulls new Commerce7 orders.</summary>
internal sealed class PullMarketplaceOrdersJob(IServiceScopeFactory scopes, IOptions<Commerce7Options> options, ILogger<PullMarketplaceOrdersJob> logger)
{
    public const string JobId = "orders-pull-commerce7";

    [DisableConcurrentExecution(timeoutInSeconds: 600)] // two overlapping pulls would read the same cursor; placing is idempotent anyway
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogDebug("Commerce7 is not configured; nothing to pull");
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IMarketplaceOrderSource>(); // the port: Commerce7 today
        await scope.ServiceProvider.GetRequiredService<MarketplaceOrderPull>().RunAsync(source, options.Value.MaxPagesPerRun, cancellationToken);
    }
}
