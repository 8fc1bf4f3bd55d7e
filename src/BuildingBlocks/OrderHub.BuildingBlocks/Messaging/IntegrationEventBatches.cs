using System.Collections.Concurrent;
using System.Reflection;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>A consumer that can take several events of one type in one unit of work (<see cref="InboxHandler{TEvent, TContext}"/>).</summary>
public interface IBatchNotificationHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    ValueTask HandleBatchAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers several events of one type to every consumer of that type: a batch-capable consumer takes them all at once
/// (one inbox query, one transaction), any other consumer one after another, as publishing each would.
/// </summary>
internal static class IntegrationEventBatches
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IReadOnlyList<IntegrationEvent>, CancellationToken, Task>> Publishers = new();

    private static readonly MethodInfo PublishTyped = typeof(IntegrationEventBatches).GetMethod(nameof(PublishAsTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Task PublishAsync(IServiceProvider services, Type eventType, IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken) =>
        Publishers.GetOrAdd(
            eventType,
            type => PublishTyped.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IReadOnlyList<IntegrationEvent>, CancellationToken, Task>>())(
            services, events, cancellationToken);

    private static async Task PublishAsTypedAsync<TEvent>(IServiceProvider services, IReadOnlyList<IntegrationEvent> events, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var typed = events.Cast<TEvent>().ToList();
        foreach (var consumer in services.GetServices<INotificationHandler<TEvent>>())
        {
            if (consumer is IBatchNotificationHandler<TEvent> batch)
            {
                await batch.HandleBatchAsync(typed, cancellationToken);
                continue;
            }

            foreach (var e in typed)
            {
                await consumer.Handle(e, cancellationToken);
            }
        }
    }
}
