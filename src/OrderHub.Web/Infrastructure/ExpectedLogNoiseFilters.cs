using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Persistence;
using Serilog.Core;
using Serilog.Events;

namespace OrderHub.Web.Infrastructure;

/// <summary>
/// Keeps EF Core's error lines ("Failed executing DbCommand", "An exception occurred in the database while saving
/// changes") out of the log when the failure is an idempotency claim lost to a parallel request
/// (<see cref="UniqueViolations.IsIdempotencyClaim"/>): the code that catches it answers a replay and logs it at Debug.
/// Every other database error, and any other logger's line about the same exception, is written as before.
/// </summary>
internal sealed class IdempotencyRaceLogFilter : ILogEventFilter
{
    public bool IsEnabled(LogEvent logEvent) =>
        logEvent.Level < LogEventLevel.Error
        || logEvent.Exception is null
        || !IsEntityFrameworkCore(logEvent)
        || !UniqueViolations.IsIdempotencyClaim(logEvent.Exception);

    private static bool IsEntityFrameworkCore(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
        && source is ScalarValue { Value: string name }
        && name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);
}

/// <summary>
/// Inside one row of a bulk import (<see cref="BulkOperation.InItem"/>), Information lines are per-row detail (order
/// received, stock reserved, payment authorized, … for each of 100,000 rows): not written. Warnings and errors are; the
/// import logs progress and a summary outside its rows, and the commands of each row at Debug.
/// </summary>
internal sealed class BulkItemLogFilter : ILogEventFilter
{
    public bool IsEnabled(LogEvent logEvent) => logEvent.Level != LogEventLevel.Information || !BulkOperation.InItem;
}
