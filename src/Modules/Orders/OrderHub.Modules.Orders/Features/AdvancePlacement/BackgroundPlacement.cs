using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderHub.Modules.Orders.Features.AdvancePlacement;

/// <summary><c>OrderHub:Orders:BackgroundPlacement</c>: how orders accepted with <c>Prefer: respond-async</c> finish placing.</summary>
internal sealed class BackgroundPlacementOptions
{
    public const string SectionName = "OrderHub:Orders:BackgroundPlacement";

    /// <summary>
    /// Placements run side by side. Few on purpose: in a burst, answering new orders comes first. 0 turns the worker
    /// off: the resume job alone finishes accepted orders, a minute or two later.
    /// </summary>
    public int Workers { get; set; } = 2;

    /// <summary>Orders waiting in memory; beyond this (or after a restart) <see cref="ResumePlacementsJob"/> finishes them.</summary>
    public int Capacity { get; set; } = 100_000;
}

/// <summary>
/// Orders of this host whose placement goes on after the answer. Memory only, on purpose: the order is already stored
/// as Received with its stock reserved, so a lost entry (a crash, a full queue, a failed enqueue) only waits for the
/// resume job. The resume job leaves an order to this host's workers only while it has been queued for less than
/// <see cref="TrustFor"/>, so a marker that outlives its entry (an enqueue that failed half-way, a worker that died)
/// delays an order by minutes, never strands it.
/// </summary>
internal sealed class BackgroundPlacementQueue(IOptions<BackgroundPlacementOptions> options, TimeProvider clock)
{
    /// <summary>How long a queued order is left to this host's workers (a full queue drains well within it).</summary>
    public static readonly TimeSpan TrustFor = TimeSpan.FromMinutes(10);

    private readonly Channel<Guid> _orders = Channel.CreateBounded<Guid>(Math.Max(1, options.Value.Capacity));
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _queued = new();

    private readonly bool _workersOff = options.Value.Workers <= 0;

    /// <summary>True if a worker here will place the order; false (never an exception) leaves it to the resume job.</summary>
    public bool TryEnqueue(Guid orderId)
    {
        if (_workersOff)
        {
            return false; // nobody here would take it: leave it to the resume job
        }

        try
        {
            if (!_queued.TryAdd(orderId, clock.GetUtcNow()))
            {
                return true;
            }

            if (_orders.Writer.TryWrite(orderId))
            {
                return true;
            }
        }
        catch (Exception ex) when (ex is OutOfMemoryException or InsufficientExecutionStackException)
        {
            // The order is stored and answered; the resume job finishes it (a marker left behind expires: TrustFor).
        }

        _queued.TryRemove(orderId, out _);
        return false;
    }

    public ChannelReader<Guid> Reader => _orders.Reader;

    /// <summary>Queued here recently: the resume job leaves it alone rather than race this host's worker for it.</summary>
    public bool IsQueued(Guid orderId) => _queued.TryGetValue(orderId, out var since) && clock.GetUtcNow() - since < TrustFor;

    public void Done(Guid orderId) => _queued.TryRemove(orderId, out _);
}

/// <summary>Finishes queued placements (compliance decision, payment authorization, ready to fulfill), each in its own scope.</summary>
internal sealed partial class BackgroundPlacementWorker(
    BackgroundPlacementQueue queue,
    IServiceScopeFactory scopes,
    IOptions<BackgroundPlacementOptions> options,
    ILogger<BackgroundPlacementWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, options.Value.Workers)).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var orderId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await PlaceAsync(orderId, stoppingToken);
                }
                finally
                {
                    queue.Done(orderId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is resumed by the job on this or another host.
        }
    }

    /// <summary>Never throws but on shutdown: a worker that died would leave every later order to the resume job.</summary>
    private async Task PlaceAsync(Guid orderId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OrderPlacement>().AdvanceAsync(orderId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            try
            {
                LogPlacementFailed(ex, orderId); // the order stays Received; the resume job tries again within minutes
            }
            catch (OutOfMemoryException)
            {
                // Logging itself failed (the host is out of memory); the resume job still finds the order.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background placement of order {OrderId} failed; the resume job will retry it")]
    private partial void LogPlacementFailed(Exception ex, Guid orderId);
}
