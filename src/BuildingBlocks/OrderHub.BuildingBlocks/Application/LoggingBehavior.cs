using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// Logs every message with its module and elapsed time (Information; Debug inside a row of a bulk import, see
/// <see cref="BulkOperation"/>); failures are logged by the exception handler.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string Module = ModuleNames.Of(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Module"] = Module });
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        LogHandled(BulkOperation.ItemLevel, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    [LoggerMessage(Message = "Handled {MessageName} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(LogLevel level, string messageName, double elapsedMs);
}

/// <summary>"OrderHub.Modules.Orders.Features..." → "Orders".</summary>
public static class ModuleNames
{
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length > 2 && parts[1] == "Modules" ? parts[2] : "Host";
    }
}
