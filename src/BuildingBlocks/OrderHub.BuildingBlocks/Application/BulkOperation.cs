using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// Marks the work of one row of a bulk operation (a CSV import applies thousands of rows through the same commands as
/// single API requests). Inside a row, what a single request logs at Information is per-row detail: the
/// <see cref="LoggingBehavior{TMessage,TResponse}"/> logs it at Debug (<see cref="ItemLevel"/>) and the host does not
/// write other Information lines; warnings and errors are written as ever. The import itself logs progress and a summary.
/// </summary>
public static class BulkOperation
{
    private static readonly AsyncLocal<bool> InItemFlow = new();

    /// <summary>True while the current call flow is applying one row of a bulk operation.</summary>
    public static bool InItem => InItemFlow.Value;

    /// <summary>Information for a single request; Debug inside a row of a bulk operation.</summary>
    public static LogLevel ItemLevel => InItem ? LogLevel.Debug : LogLevel.Information;

    /// <summary>Marks the calls made until the scope is disposed as one row of a bulk operation.</summary>
    public static IDisposable Item()
    {
        var was = InItemFlow.Value;
        InItemFlow.Value = true;
        return new Restore(was);
    }

    private sealed class Restore(bool was) : IDisposable
    {
        public void Dispose() => InItemFlow.Value = was;
    }
}

/// <summary>Progress of a bulk operation at Information: every <see cref="EveryRows"/> rows or every <see cref="EveryInterval"/>, whichever first.</summary>
public sealed partial class BulkProgress(ILogger logger, string operation)
{
    public const int EveryRows = 10_000;

    public static readonly TimeSpan EveryInterval = TimeSpan.FromSeconds(10);

    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastReport = Stopwatch.GetTimestamp();
    private int _rows;

    public void RowDone()
    {
        _rows++;
        if (_rows % EveryRows != 0 && Stopwatch.GetElapsedTime(_lastReport) < EveryInterval)
        {
            return;
        }

        _lastReport = Stopwatch.GetTimestamp();
        LogProgress(operation, _rows, Stopwatch.GetElapsedTime(_started).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation}: {Rows} row(s) done in {ElapsedSeconds:0} s")]
    private partial void LogProgress(string operation, int rows, double elapsedSeconds);
}
