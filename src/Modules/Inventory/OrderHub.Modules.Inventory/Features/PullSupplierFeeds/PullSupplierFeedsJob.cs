using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Inventory.Features.ApplySupplierFeed;

namespace OrderHub.Modules.Inventory.Features.PullSupplierFeeds;

/// <summary>
/// Hourly (Hangfire <c>inventory-pull-supplier-feeds</c>): reads every supplier configured under
/// <c>OrderHub:SupplierFeeds</c> through <see cref="ISupplierStockFeed"/> and applies it with the same
/// <see cref="ApplySupplierFeedCommand"/> as the endpoint, each supplier in its own scope and transaction. A supplier that
/// fails (down, bad answer, not a Supplier location) is logged and skipped; the others are still applied.
/// </summary>
internal sealed class PullSupplierFeedsJob(
    IServiceScopeFactory scopes, IOptions<SupplierFeedOptions> options, TimeProvider clock, ILogger<PullSupplierFeedsJob> logger)
{
    /// <summary>Returns the number of feeds applied.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var code in options.Value.Pulled)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var readAt = clock.GetUtcNow();
                var stock = await scope.ServiceProvider.GetRequiredService<ISupplierStockFeed>().ReadAsync(code, cancellationToken);
                if (stock is null)
                {
                    continue;
                }

                var result = await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new ApplySupplierFeedCommand(code, stock.Items, stock.AsOf ?? readAt), cancellationToken);
                applied += result.Applied ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not pull the stock feed of supplier {LocationCode}; the next run tries again", code);
            }
        }

        return applied;
    }
}
