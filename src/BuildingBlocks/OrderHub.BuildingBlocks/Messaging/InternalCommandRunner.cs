using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Finds the one <see cref="IInternalCommandHandler{TCommand}"/> of a command read back from an outbox and runs it.</summary>
internal static class InternalCommandRunner
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, InternalCommand, CancellationToken, Task>> Runners = new();

    private static readonly MethodInfo RunTyped = typeof(InternalCommandRunner).GetMethod(nameof(RunAsTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Task RunAsync(IServiceProvider services, InternalCommand command, CancellationToken cancellationToken) =>
        Runners.GetOrAdd(
            command.GetType(),
            type => RunTyped.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, InternalCommand, CancellationToken, Task>>())(
            services, command, cancellationToken);

    private static Task RunAsTypedAsync<TCommand>(IServiceProvider services, InternalCommand command, CancellationToken cancellationToken)
        where TCommand : InternalCommand =>
        services.GetRequiredService<IInternalCommandHandler<TCommand>>().HandleAsync((TCommand)command, cancellationToken);
}
