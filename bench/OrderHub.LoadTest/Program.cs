using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

// Places orders through HTTP (POST /api/v1/orders) at a fixed concurrency for a fixed time and reports throughput,
// latency percentiles, errors by status code, the share of orders that ended ReadyToFulfill and the host's peak memory.
//
// Usage:
//   dotnet run -c Release --project bench/OrderHub.LoadTest -- --url http://127.0.0.1:5080 --api-key KEY
//       [--concurrency 16] [--duration 30] [--warmup 5] [--csv results.csv] [--pid <host pid>] [--label name]
//       [--skus CAB-2019-750,CHD-2022-750] [--lines 2] [--quantity 1]
//   Seed stock first (one receipt per SKU, then exit):
//   dotnet run ... -- --url ... --api-key KEY --receive 1000000 [--skus ...]
var options = Options.Parse(args);
using var http = CreateClient(options);

if (options.Receive > 0)
{
    return await ReceiveStockAsync(http, options);
}

var runId = Guid.NewGuid().ToString("N")[..8];
var sequence = 0L;
var bodies = new BodyFactory(runId, options.Skus, options.LinesPerOrder, options.Quantity);

// Warm-up: same load, results discarded (JIT, connection pools, PostgreSQL plan caches).
if (options.WarmupSeconds > 0)
{
    Console.WriteLine($"warm-up {options.WarmupSeconds} s at {options.Concurrency} clients ...");
    await RunAsync(http, bodies, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), () => Interlocked.Increment(ref sequence));
}

using var memory = new MemorySampler(options.HostPid);
memory.Start();
Console.WriteLine($"measuring {options.DurationSeconds} s at {options.Concurrency} clients ...");
var result = await RunAsync(http, bodies, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds), () => Interlocked.Increment(ref sequence));
await memory.StopAsync();

var report = Report.From(options, result, memory);
Console.WriteLine(report.ToText());
if (options.CsvPath is { } csv)
{
    var writeHeader = !File.Exists(csv) || new FileInfo(csv).Length == 0;
    var dir = Path.GetDirectoryName(Path.GetFullPath(csv));
    if (dir is not null)
    {
        Directory.CreateDirectory(dir);
    }

    await File.AppendAllTextAsync(csv, (writeHeader ? Report.CsvHeader + "\n" : string.Empty) + report.ToCsv() + "\n", CancellationToken.None);
    Console.WriteLine($"csv row appended to {csv}");
}

return 0;

static HttpClient CreateClient(Options options)
{
    var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(options.Concurrency, 4),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    };
    var client = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
    client.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    return client;
}

static async Task<int> ReceiveStockAsync(HttpClient http, Options options)
{
    var failed = 0;
    foreach (var sku in options.Skus)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/receipts")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { locationCode = options.Location, sku, quantity = options.Receive }),
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "bench-receipt-" + Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request, CancellationToken.None);
        var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
        Console.WriteLine($"receipt {sku} x{options.Receive} at {options.Location}: {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode)
        {
            failed++;
            Console.Error.WriteLine(text);
        }
    }

    return failed == 0 ? 0 : 1;
}

static async Task<RunResult> RunAsync(HttpClient http, BodyFactory bodies, int concurrency, TimeSpan duration, Func<long> next)
{
    using var stop = new CancellationTokenSource();
    var workers = new Task<WorkerResult>[concurrency];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < concurrency; i++)
    {
        workers[i] = Task.Run(() => WorkerAsync(http, bodies, next, stop.Token));
    }

    await Task.Delay(duration);
    await stop.CancelAsync();
    var results = await Task.WhenAll(workers);
    var elapsed = clock.Elapsed;
    return RunResult.Merge(results, elapsed);
}

static async Task<WorkerResult> WorkerAsync(HttpClient http, BodyFactory bodies, Func<long> next, CancellationToken stop)
{
    var result = new WorkerResult();
    while (!stop.IsCancellationRequested)
    {
        var n = next();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new ByteArrayContent(bodies.Create(n)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", bodies.IdempotencyKey(n));
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Requests already sent are allowed to finish after the stop signal: they are counted.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var code = (int)response.StatusCode;
            result.Record(elapsed, code, code is 200 or 201 ? StatusOf(body) : null);
            if (!response.IsSuccessStatusCode && result.FirstError is null)
            {
                result.FirstError = $"{code}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600))}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            result.Record(Stopwatch.GetElapsedTime(started), 0, null);
            result.FirstError ??= $"transport: {ex.GetType().Name}: {ex.Message}";
        }
    }

    return result;
}

static string? StatusOf(byte[] body)
{
    try
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
    catch (JsonException)
    {
        return null;
    }
}

internal sealed class BodyFactory(string runId, IReadOnlyList<string> skus, int linesPerOrder, int quantity)
{
    // States where direct-to-consumer shipping is allowed with no volume limit (wine-dtc-law.md), with a real ZIP.
    private static readonly (string Region, string PostalCode, string City)[] Destinations =
    [
        ("CA", "94103", "San Francisco"),
        ("FL", "33101", "Miami"),
        ("WA", "98101", "Seattle"),
        ("CO", "80202", "Denver"),
        ("IA", "50309", "Des Moines"),
    ];

    public string IdempotencyKey(long n) => $"lt-{runId}-{n}";

    public byte[] Create(long n)
    {
        // Every order is its own consumer (email, last name and street differ): compliance limits count per consumer.
        var destination = Destinations[n % Destinations.Length];
        var lines = new object[Math.Min(linesPerOrder, skus.Count)];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new { sku = skus[(int)((n + i) % skus.Count)], quantity };
        }

        var body = new
        {
            channel = "Web",
            externalReference = $"LT-{runId}-{n}",
            customer = new
            {
                email = $"lt-{runId}-{n}@bench.example",
                firstName = "Load",
                lastName = $"Tester-{runId}-{n}",
                dateOfBirth = "1980-04-12",
            },
            shippingAddress = new
            {
                line1 = $"{n} Bench St Apt {runId}",
                city = destination.City,
                region = destination.Region,
                postalCode = destination.PostalCode,
                country = "US",
            },
            shippingService = "Ground",
            lines,
            payment = new { method = "Card", token = "tok_visa" },
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}

internal sealed class WorkerResult
{
    public List<long> LatencyTicks { get; } = new(4096);

    public Dictionary<int, int> ByStatusCode { get; } = [];

    public Dictionary<string, int> ByOrderStatus { get; } = [];

    public string? FirstError { get; set; }

    public void Record(TimeSpan elapsed, int code, string? orderStatus)
    {
        LatencyTicks.Add(elapsed.Ticks);
        ByStatusCode[code] = ByStatusCode.GetValueOrDefault(code) + 1;
        if (orderStatus is not null)
        {
            ByOrderStatus[orderStatus] = ByOrderStatus.GetValueOrDefault(orderStatus) + 1;
        }
    }
}

internal sealed record RunResult(long[] SortedTicks, Dictionary<int, int> ByStatusCode, Dictionary<string, int> ByOrderStatus, TimeSpan Elapsed, string? FirstError)
{
    public static RunResult Merge(IEnumerable<WorkerResult> workers, TimeSpan elapsed)
    {
        var ticks = new List<long>();
        var codes = new Dictionary<int, int>();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        string? firstError = null;
        foreach (var worker in workers)
        {
            ticks.AddRange(worker.LatencyTicks);
            foreach (var (code, count) in worker.ByStatusCode)
            {
                codes[code] = codes.GetValueOrDefault(code) + count;
            }

            foreach (var (status, count) in worker.ByOrderStatus)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }

            firstError ??= worker.FirstError;
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        return new RunResult(sorted, codes, statuses, elapsed, firstError);
    }
}

/// <summary>Samples VmRSS of the host every 100 ms and reads VmHWM (peak resident set since the host started).</summary>
internal sealed class MemorySampler(int? pid) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public long PeakRssKb { get; private set; }

    public long HighWaterMarkKb { get; private set; }

    /// <summary>CPU time (user + system) the host used between Start and StopAsync, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan HostCpu { get; private set; }

    private long _startCpuTicks;

    public void Start()
    {
        if (pid is null)
        {
            return;
        }

        _startCpuTicks = CpuTicks();

        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try
                {
                    await Task.Delay(100, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        Sample();
        if (pid is not null)
        {
            // USER_HZ is 100 on Linux.
            HostCpu = TimeSpan.FromMilliseconds((CpuTicks() - _startCpuTicks) * 10.0);
        }
    }

    public void Dispose() => _stop.Dispose();

    private void Sample()
    {
        if (pid is null)
        {
            return;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    PeakRssKb = Math.Max(PeakRssKb, ParseKb(line));
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    HighWaterMarkKb = Math.Max(HighWaterMarkKb, ParseKb(line));
                }
            }
        }
        catch (IOException)
        {
            // The host has exited; keep what was sampled.
        }
    }

    private long CpuTicks()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0], CultureInfo.InvariantCulture);
}

internal sealed record Report(
    string Label, int Concurrency, double Seconds, int Requests, int Succeeded, double OrdersPerSecond,
    double P50, double P95, double P99, double Max, int Errors, string ErrorsByCode, double ReadyPercent, string OrderStatuses,
    double PeakRssMb, double HwmMb, double HostCpuMsPerOrder, string? FirstError)
{
    public const string CsvHeader =
        "label,concurrency,seconds,requests,succeeded,orders_per_s,p50_ms,p95_ms,p99_ms,max_ms,errors,errors_by_code,ready_pct,order_statuses,host_peak_rss_mb,host_vmhwm_mb,host_cpu_ms_per_order";

    public static Report From(Options options, RunResult result, MemorySampler memory)
    {
        var ticks = result.SortedTicks;
        var succeeded = result.ByStatusCode.Where(p => p.Key is 200 or 201).Sum(p => p.Value);
        var errors = ticks.Length - succeeded;
        var ready = result.ByOrderStatus.GetValueOrDefault("ReadyToFulfill");
        return new Report(
            options.Label,
            options.Concurrency,
            result.Elapsed.TotalSeconds,
            ticks.Length,
            succeeded,
            succeeded / result.Elapsed.TotalSeconds,
            Percentile(ticks, 0.50),
            Percentile(ticks, 0.95),
            Percentile(ticks, 0.99),
            ticks.Length == 0 ? 0 : TimeSpan.FromTicks(ticks[^1]).TotalMilliseconds,
            errors,
            string.Join(' ', result.ByStatusCode.Where(p => p.Key is not (200 or 201)).OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "transport" : p.Key.ToString(CultureInfo.InvariantCulture))}={p.Value}")),
            ticks.Length == 0 ? 0 : 100.0 * ready / ticks.Length,
            string.Join(' ', result.ByOrderStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            memory.PeakRssKb / 1024.0,
            memory.HighWaterMarkKb / 1024.0,
            ticks.Length == 0 ? 0 : memory.HostCpu.TotalMilliseconds / ticks.Length,
            result.FirstError);
    }

    public string ToText()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"== {Label}: {Concurrency} clients, {Seconds:F1} s");
        sb.AppendLine(c, $"  requests {Requests}, succeeded {Succeeded}, orders/s {OrdersPerSecond:F1}");
        sb.AppendLine(c, $"  latency ms: p50 {P50:F1}  p95 {P95:F1}  p99 {P99:F1}  max {Max:F1}");
        sb.AppendLine(c, $"  errors {Errors} {(Errors > 0 ? "(" + ErrorsByCode + ")" : string.Empty)}");
        sb.AppendLine(c, $"  ReadyToFulfill {ReadyPercent:F1}% of responses  [{OrderStatuses}]");
        sb.AppendLine(c, $"  host memory: peak RSS during run {PeakRssMb:F0} MB, VmHWM {HwmMb:F0} MB; host CPU {HostCpuMsPerOrder:F1} ms per order");
        if (FirstError is not null)
        {
            sb.AppendLine(c, $"  first error: {FirstError}");
        }

        return sb.ToString();
    }

    public string ToCsv() => string.Join(',', new[]
    {
        Label,
        Concurrency.ToString(CultureInfo.InvariantCulture),
        Seconds.ToString("F1", CultureInfo.InvariantCulture),
        Requests.ToString(CultureInfo.InvariantCulture),
        Succeeded.ToString(CultureInfo.InvariantCulture),
        OrdersPerSecond.ToString("F1", CultureInfo.InvariantCulture),
        P50.ToString("F1", CultureInfo.InvariantCulture),
        P95.ToString("F1", CultureInfo.InvariantCulture),
        P99.ToString("F1", CultureInfo.InvariantCulture),
        Max.ToString("F1", CultureInfo.InvariantCulture),
        Errors.ToString(CultureInfo.InvariantCulture),
        ErrorsByCode,
        ReadyPercent.ToString("F1", CultureInfo.InvariantCulture),
        OrderStatuses,
        PeakRssMb.ToString("F0", CultureInfo.InvariantCulture),
        HwmMb.ToString("F0", CultureInfo.InvariantCulture),
        HostCpuMsPerOrder.ToString("F1", CultureInfo.InvariantCulture),
    });

    private static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return TimeSpan.FromTicks(sorted[Math.Clamp(index, 0, sorted.Length - 1)]).TotalMilliseconds;
    }
}

internal sealed record Options(
    string Url, string ApiKey, int Concurrency, int DurationSeconds, int WarmupSeconds, string? CsvPath, int? HostPid,
    string Label, IReadOnlyList<string> Skus, int LinesPerOrder, int Quantity, int Receive, string Location)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Options are --name value pairs.");
            }

            map[args[i][2..]] = args[i + 1];
        }

        int Int(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var concurrency = Int("concurrency", 16);
        return new Options(
            map.GetValueOrDefault("url") ?? throw new ArgumentException("--url is required"),
            map.GetValueOrDefault("api-key") ?? throw new ArgumentException("--api-key is required"),
            concurrency,
            Int("duration", 30),
            Int("warmup", 5),
            map.GetValueOrDefault("csv"),
            map.TryGetValue("pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            map.GetValueOrDefault("label") ?? $"http-c{concurrency}",
            (map.GetValueOrDefault("skus") ?? "CAB-2019-750,CAB-2020-750,CHD-2022-750,CHD-2023-750,PN-2021-750,SB-2023-750,BRUT-NV-750")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Int("lines", 2),
            Int("quantity", 1),
            Int("receive", 0),
            map.GetValueOrDefault("location") ?? "NAPA-WH");
    }
}
