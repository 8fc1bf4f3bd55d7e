using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>
/// A Serilog sink a test hands to <see cref="OrderHubApp"/>: the host's <c>ReadFrom.Services</c> adds it beside the
/// configured sinks, so it sees every event that passes the host's levels and filters, as a console or file would.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>How many events so far: a mark to read the events of one step with <see cref="Since"/>.</summary>
    public int Count => _events.Count;

    public IReadOnlyList<LogEvent> Since(int mark) => [.. _events.Skip(mark)];

    /// <summary>"[ERR] Microsoft.EntityFrameworkCore.Update: An exception occurred…" for assertion messages.</summary>
    public static string Describe(IEnumerable<LogEvent> events) =>
        string.Join(Environment.NewLine, events.Select(e =>
            $"[{e.Level}] {(e.Properties.TryGetValue("SourceContext", out var source) ? source.ToString().Trim('"') : "?")}: {e.RenderMessage()}"));
}
