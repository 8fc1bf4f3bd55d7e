using System.Collections.Concurrent;
using System.Diagnostics;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Web.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>
/// A setting the host cannot run with stops the start with one line naming the key and what to set, before the
/// database is touched, instead of failing a request later (a missing payment gateway was a 500 in the middle of
/// the first order in Production).
/// </summary>
public sealed class StartupSettingsTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("environment=Production", "OrderHub:Payments:Gateway")]
    [InlineData("OrderHub:Payments:Gateway=Paypal", "OrderHub:Payments:Gateway")]
    [InlineData("OrderHub:Payments:Gateway=Stripe", "OrderHub:Payments:Stripe:ApiKey")]
    [InlineData("OrderHub:Database:Provider=SqlServer|OrderHub:Database:ConnectionString=", "OrderHub:Database:ConnectionString")]
    [InlineData("OrderHub:Database:Provider=Oracle", "OrderHub:Database:Provider")]
    [InlineData("OrderHub:Smtp:Enabled=true|OrderHub:Smtp:Host=", "OrderHub:Smtp:Host")]
    [InlineData("OrderHub:Smtp:Enabled=true|OrderHub:Smtp:Port=0", "OrderHub:Smtp:Port")]
    [InlineData("OrderHub:Commerce7:AppId=app", "OrderHub:Commerce7")]
    [InlineData("OrderHub:Outbox:PollInterval=00:00:00", "OrderHub:Outbox:PollInterval")]
    [InlineData("OrderHub:Outbox:ClaimLease=abc", "OrderHub:Outbox:ClaimLease")]
    [InlineData("OrderHub:Jobs:RunServer=true|OrderHub:Jobs:WorkerCount=0", "OrderHub:Jobs:WorkerCount")]
    [InlineData("OrderHub:Inventory:ReservationExpiry=-1.00:00:00", "OrderHub:Inventory:ReservationExpiry")]
    [InlineData("OrderHub:Outbox:MaxParallelDeliveries=0", "OrderHub:Outbox:MaxParallelDeliveries")]
    [InlineData("OrderHub:Outbox:MaxBackgroundDeliveriesWhileServing=0", "OrderHub:Outbox:MaxBackgroundDeliveriesWhileServing")]
    [InlineData("OrderHub:Outbox:MaxPacedStepsWhileServing=0", "OrderHub:Outbox:MaxPacedStepsWhileServing")]
    [InlineData("OrderHub:Bootstrap:AdminPassword=short", "OrderHub:Bootstrap:AdminPassword")]
    [InlineData("OrderHub:SignIn:PerAccountLimit=0", "OrderHub:SignIn:PerAccountLimit")]
    [InlineData("OrderHub:Shipping:TrackingWebhookSecret=", "OrderHub:Shipping:TrackingWebhookSecret")]
    [InlineData("OrderHub:Shipping:TrackingWebhookSecret=short", "OrderHub:Shipping:TrackingWebhookSecret")]
    public async Task A_missing_or_wrong_setting_stops_the_start_with_one_line_naming_the_key(string settings, string key)
    {
        await using var database = TestDatabase.CreateSqlite();
        var overrides = settings.Split('|').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        await using var app = new OrderHubApp(database, overrides);

        var thrown = Should.Throw<Exception>(() => _ = app.Server);

        var invalid = Flatten(thrown).OfType<InvalidSettingsException>().FirstOrDefault();
        invalid.ShouldNotBeNull($"expected the settings check, got {thrown}");
        invalid.Message.ShouldContain(key);
        invalid.Message.ShouldNotContain(Environment.NewLine);
    }

    [Fact]
    public async Task Production_without_a_payment_gateway_exits_from_another_folder_with_one_line_naming_the_key()
    {
        using var folder = new TempFolder();
        var run = await RunHostAsync(folder.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OrderHub__Database__ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "orderhub.db")}",
        }, until: _ => false);

        run.ExitCode.ShouldBe(1, string.Join('\n', run.Lines));
        run.Lines.Count.ShouldBe(1, string.Join('\n', run.Lines));
        run.Lines[0].ShouldContain("OrderHub:Payments:Gateway");
        run.Lines[0].ShouldContain("set it to Stripe");
        File.Exists(Path.Combine(folder.Path, "orderhub.db")).ShouldBeFalse("the database is not touched before the settings are checked");
    }

    [Fact]
    public async Task A_host_started_from_another_folder_without_appsettings_logs_to_the_console()
    {
        using var folder = new TempFolder();
        var run = await RunHostAsync(folder.Path, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["OrderHub__Payments__Gateway"] = "Test",
            ["OrderHub__Shipping__TrackingWebhookSecret"] = "a-secret-for-this-test",
            ["OrderHub__Jobs__RunServer"] = "false",
            ["OrderHub__Database__ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "orderhub.db")}",
        }, until: lines => lines.Any(l => l.Contains("Now listening on", StringComparison.Ordinal)));

        run.Lines.ShouldContain(l => l.Contains("Now listening on", StringComparison.Ordinal), string.Join('\n', run.Lines));
        run.Lines.ShouldContain(l => l.Contains("Applying", StringComparison.Ordinal) && l.Contains("migration", StringComparison.Ordinal));
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Runs the built host (<c>dotnet OrderHub.Web.dll</c>) in <paramref name="workingDirectory"/> until it exits,
    /// <paramref name="until"/> holds for its output, or the generous time-out passes; then stops it.</summary>
    private static async Task<(int? ExitCode, List<string> Lines)> RunHostAsync(
        string workingDirectory, Dictionary<string, string> environment, Func<IReadOnlyList<string>, bool> until)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in start.Environment.Keys.Where(k =>
                     k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("OrderHub", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Serilog", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var lines = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lines.Enqueue(e.Data);
                if (until([.. lines]))
                {
                    done.TrySetResult();
                }
            }
        }

        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        await Task.WhenAny(done.Task, process.WaitForExitAsync(timeout.Token));
        int? exitCode = null;
        if (process.HasExited)
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken); // drains the output
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        return (exitCode, [.. lines]);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("orderhub-folder-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
