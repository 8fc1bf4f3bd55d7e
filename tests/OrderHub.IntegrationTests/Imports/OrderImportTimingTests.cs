using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>
/// Where the time of a large order import goes (docs/performance.md, "CSV import: where the time goes"). A measurement,
/// not a check: it runs only when <c>ORDERHUB_IMPORT_TIMING_ROWS</c> names a row count (e.g. 100000), on SQLite, and
/// prints the request time, the import's own split (rows read and grouped vs orders placed) and the time of each
/// Mediator message the placements sent (inclusive: a command's time holds the messages it sent).
/// </summary>
public sealed class OrderImportTimingTests
{
    public const string RowsVariable = "ORDERHUB_IMPORT_TIMING_ROWS";

    private const string Header =
        "externalReference,email,firstName,lastName,dateOfBirth,phone,line1,line2,city,region,postalCode,country,shippingService,sku,quantity,paymentToken";

    [Fact]
    public async Task A_large_order_import_reports_where_its_time_goes()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(RowsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows <= 0)
        {
            Assert.Skip($"A measurement: set {RowsVariable} to a row count (e.g. 100000) to run it.");
        }

        var ct = TestContext.Current.CancellationToken;
        var sink = new MessageTimes();
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OrderHubApp(database, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:OrderHub.BuildingBlocks.Application"] = "Debug", // each message's "Handled ... in ... ms"
            ["Serilog:MinimumLevel:Override:OrderHub.Modules.Orders.Features.ImportOrders"] = "Information",
        });
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        client.Timeout = TimeSpan.FromHours(1);

        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var line1 = i % 10 == 0 ? $"\"{i} Main St, Apt {i % 7}\"" : $"{i} Main St";
            csv.Append(CultureInfo.InvariantCulture, $"T{i}-{run},buyer{i}-{run}@example.com,Ada,Lovelace{i},1985-12-10,,{line1},,Springfield,OR,97201,US,Ground,CAB-2019-750,1,tok_visa\r\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsync("/api/v1/orders/import", content, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var body = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body[..Math.Min(body.Length, 2000)]);
        var report = JsonDocument.Parse(body).RootElement;
        var lines = new List<string>
        {
            $"{rows:N0} rows ({Encoding.UTF8.GetByteCount(csv.ToString()) / 1_048_576.0:N1} MiB), SQLite, request {elapsed.TotalSeconds:N1} s; "
                + $"created {report.GetProperty("created").GetInt32()}, refused {report.GetProperty("refused").GetInt32()}, rejected {report.GetProperty("rejected").GetInt32()}",
        };
        lines.AddRange(sink.Summary);
        lines.AddRange(sink.Times.OrderByDescending(t => t.Value.TotalMs).Select(t =>
            $"{t.Key,-40} {t.Value.Count,9:N0} × {t.Value.TotalMs / t.Value.Count,7:N2} ms = {t.Value.TotalMs / 1000,8:N1} s"));
        var text = string.Join(Environment.NewLine, lines);
        TestContext.Current.SendDiagnosticMessage(text);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"orderhub-import-timing-{rows}.txt"), text, ct);
        report.GetProperty("created").GetInt32().ShouldBe(rows, text);
    }

    /// <summary>Sums the LoggingBehavior's "Handled {MessageName} in {ElapsedMs} ms" per message; keeps the import's summary.</summary>
    private sealed class MessageTimes : ILogEventSink
    {
        public ConcurrentDictionary<string, (int Count, double TotalMs)> Times { get; } = new();

        public ConcurrentQueue<string> Summary { get; } = new();

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.TryGetValue("MessageName", out var name) && logEvent.Properties.TryGetValue("ElapsedMs", out var ms)
                && ms is ScalarValue { Value: double elapsed })
            {
                Times.AddOrUpdate(name.ToString().Trim('"'), (1, elapsed), (_, t) => (t.Count + 1, t.TotalMs + elapsed));
            }
            else if (logEvent.Level >= LogEventLevel.Information && logEvent.RenderMessage().StartsWith("Order import", StringComparison.Ordinal))
            {
                Summary.Enqueue(logEvent.RenderMessage());
            }
        }
    }
}
