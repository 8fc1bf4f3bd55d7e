using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Runs the dispatcher whenever a commit signals new messages, at least every poll interval, and back to back while
/// sweeps find work. On a server database each module's outbox has its own loop: a sweep of every module at once
/// waited for the slowest module's batch (a release's label purchases), so the other modules' messages (the packed
/// events that make the next shipments) sat idle meanwhile. SQLite, with one writer, keeps one loop over them all.
/// </summary>
public sealed partial class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        await Task.Yield(); // the first sweep asks the database which provider it is: not on the host's start-up path
        if (dispatcher.HasOneWriter)
        {
            await LoopAsync(dispatcher.SweepAllAsync, null, stoppingToken);
            return;
        }

        await Task.WhenAll(dispatcher.Modules.Select(module => LoopAsync(ct => dispatcher.SweepModuleAsync(module, ct), module.ContextType, stoppingToken)));
    }

    private async Task LoopAsync(Func<CancellationToken, Task<OutboxDispatcher.Sweep>> sweep, Type? moduleContext, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Sweep again at once after a whole batch: a batch per poll interval capped a host at BatchSize messages
                // a second (50/s), so a burst's emails lagged for minutes. Otherwise everything due was taken; a commit
                // since (here, or by a delivery that wrote to this outbox) has already completed `next`.
                var next = signal.Next(moduleContext);
                if (!(await sweep(stoppingToken)).Full)
                {
                    await OutboxSignal.WaitAsync(next, options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; keep the loop alive and try again.
                LogSweepFailed(ex);
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed")]
    private partial void LogSweepFailed(Exception ex);
}
