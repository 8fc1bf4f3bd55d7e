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
//   dotnet run -c Release --project bench/OrderHub.LoadTest -- --url http://127.0.0.1:5080[,http://127.0.0.1:5081,...] --api-key KEY
//       [--concurrency 16] [--duration 30] [--warmup 5] [--csv results.csv] [--pid <host pid>[,<pid>...]] [--label name]
//       [--skus CAB-2019-750,CHD-2022-750] [--lines 2] [--quantity 1] [--requests-log requests.csv] [--respond-async 1]
//   --respond-async 1: send `Prefer: respond-async` (the host answers once the order is stored and its stock reserved).
//   Drain (both modes): after the warm-up and again after the measured window the harness waits until no order is left
//   Received and no module has an undispatched outbox row (confirmation emails and other events), so each window pays
//   for its own orders' background work. It reports how long the window's drain took, the completion rate (orders
//   answered in the window / (window + drain)), and host CPU per order and memory up to the drain's end.
//   --drain 0 skips those waits (to time the answering path alone).
//   Several URLs: requests go round-robin over the hosts (request n to host n mod N).
//   --requests-log: one line per request (warm-up included): n,host,code,externalReference,orderId,number,status,phase
//   (phase: warmup or measured).
//   Seed stock first (one receipt per SKU, then exit):
//   dotnet run ... -- --url ... --api-key KEY --receive 1000000 [--skus ...]
//   Time order searches (GET /api/v1/orders) and exit; samples: a file of "email,number" lines:
//   dotnet run ... -- --url ... --api-key KEY --search 200 --search-samples samples.csv [--csv out.csv] [--label x]
var options = Options.Parse(args);
var clients = options.Urls.Select(url => CreateClient(options, url)).ToArray();
var http = clients[0];

if (options.Receive > 0)
{
    return await ReceiveStockAsync(http, options);
}

if (options.SearchIterations > 0)
{
    return await SearchTimings.RunAsync(http, options);
}

var runId = Guid.NewGuid().ToString("N")[..8];
var sequence = 0L;
var bodies = new BodyFactory(runId, options.Skus, options.LinesPerOrder, options.Quantity) { RespondAsync = options.RespondAsync };
using var requestLog = new RequestLog(options.RequestsLogPath);

// Warm-up: same load, results discarded (JIT, connection pools, PostgreSQL plan caches).
if (options.WarmupSeconds > 0)
{
    Console.WriteLine($"warm-up {options.WarmupSeconds} s at {options.Concurrency} clients ...");
    requestLog.Phase = "warmup";
    await RunAsync(clients, bodies, requestLog, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), () => Interlocked.Increment(ref sequence));
    if (options.WaitForDrain)
    {
        // The measured window starts with no backlog, so its drain is the window's own orders and their events.
        var warmupDrain = await Drain.WaitAsync(http);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up orders and their events drained {warmupDrain.TotalSeconds:F1} s after the warm-up"));
    }
}

using var memory = new MemorySampler(options.HostPids);
memory.Start();
Console.WriteLine($"measuring {options.DurationSeconds} s at {options.Concurrency} clients ...");
requestLog.Phase = "measured";
var result = await RunAsync(clients, bodies, requestLog, options.Concurrency, TimeSpan.FromSeconds(options.DurationSeconds), () => Interlocked.Increment(ref sequence));
var drain = options.WaitForDrain ? await Drain.WaitAsync(http) : TimeSpan.Zero;
await memory.StopAsync();

var report = Report.From(options, result, memory, drain);
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

foreach (var client in clients)
{
    client.Dispose();
}

return 0;

static HttpClient CreateClient(Options options, string url)
{
    var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(options.Concurrency, 4),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    };
    var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
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

static async Task<RunResult> RunAsync(HttpClient[] clients, BodyFactory bodies, RequestLog log, int concurrency, TimeSpan duration, Func<long> next)
{
    var respondAsync = bodies.RespondAsync;
    using var stop = new CancellationTokenSource();
    var workers = new Task<WorkerResult>[concurrency];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < concurrency; i++)
    {
        workers[i] = Task.Run(() => WorkerAsync(clients, bodies, log, next, respondAsync, stop.Token));
    }

    await Task.Delay(duration);
    await stop.CancelAsync();
    var results = await Task.WhenAll(workers);
    var elapsed = clock.Elapsed;
    return RunResult.Merge(results, elapsed, clients.Length);
}

static async Task<WorkerResult> WorkerAsync(HttpClient[] clients, BodyFactory bodies, RequestLog log, Func<long> next, bool respondAsync, CancellationToken stop)
{
    var result = new WorkerResult(clients.Length);
    while (!stop.IsCancellationRequested)
    {
        var n = next();
        var host = (int)(n % clients.Length); // round-robin over the hosts
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new ByteArrayContent(bodies.Create(n)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", bodies.IdempotencyKey(n));
        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            // Requests already sent are allowed to finish after the stop signal: they are counted.
            using var response = await clients[host].SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var code = (int)response.StatusCode;
            var placed = code is 200 or 201 ? PlacedOrder.From(body) : null;
            result.Record(host, elapsed, code, placed?.Status);
            log.Write(n, host, code, bodies.ExternalReference(n), placed);
            if (!response.IsSuccessStatusCode && result.FirstError is null)
            {
                result.FirstError = $"{code}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600))}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            result.Record(host, Stopwatch.GetElapsedTime(started), 0, null);
            log.Write(n, host, 0, bodies.ExternalReference(n), null);
            result.FirstError ??= $"transport: {ex.GetType().Name}: {ex.Message}";

            // A host that is down refuses at once: do not spin on it.
            await Task.Delay(50, CancellationToken.None);
        }
    }

    return result;
}

internal sealed record PlacedOrder(string? Id, string? Number, string? Status)
{
    public static PlacedOrder? From(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return new PlacedOrder(Text(root, "id"), Text(root, "number"), Text(root, "status"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>Optional CSV of every request (warm-up included), so a script can check each accepted order in the database.</summary>
internal sealed class RequestLog : IDisposable
{
    private readonly StreamWriter? _writer;
    private readonly Lock _gate = new();

    public RequestLog(string? path)
    {
        if (path is null)
        {
            return;
        }

        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        _writer = new StreamWriter(path, append: true) { AutoFlush = true }; // read live by scripts/crash-test.sh
        if (!exists)
        {
            _writer.WriteLine("n,host,code,external_reference,order_id,number,status,phase");
        }
    }

    /// <summary>Written on every line: the crash test counts only the measured window's answers before it kills.</summary>
    public string Phase { get; set; } = "measured";

    public void Write(long n, int host, int code, string externalReference, PlacedOrder? order)
    {
        if (_writer is null)
        {
            return;
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{n},{host},{code},{externalReference},{order?.Id},{order?.Number},{order?.Status},{Phase}");
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
        }
    }
}

internal sealed class BodyFactory(string runId, IReadOnlyList<string> skus, int linesPerOrder, int quantity)
{
    public bool RespondAsync { get; init; }

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

    public string ExternalReference(long n) => $"LT-{runId}-{n}";

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
            externalReference = ExternalReference(n),
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

internal sealed class WorkerResult(int hosts)
{
    public List<long> LatencyTicks { get; } = new(4096);

    /// <summary>Per host: requests sent and 2xx answers.</summary>
    public int[] HostRequests { get; } = new int[hosts];

    public int[] HostSucceeded { get; } = new int[hosts];

    public Dictionary<int, int> ByStatusCode { get; } = [];

    public Dictionary<string, int> ByOrderStatus { get; } = [];

    public string? FirstError { get; set; }

    public void Record(int host, TimeSpan elapsed, int code, string? orderStatus)
    {
        LatencyTicks.Add(elapsed.Ticks);
        HostRequests[host]++;
        if (code is 200 or 201)
        {
            HostSucceeded[host]++;
        }

        ByStatusCode[code] = ByStatusCode.GetValueOrDefault(code) + 1;
        if (orderStatus is not null)
        {
            ByOrderStatus[orderStatus] = ByOrderStatus.GetValueOrDefault(orderStatus) + 1;
        }
    }
}

internal sealed record RunResult(
    long[] SortedTicks, Dictionary<int, int> ByStatusCode, Dictionary<string, int> ByOrderStatus, TimeSpan Elapsed, string? FirstError,
    int[] HostRequests, int[] HostSucceeded)
{
    public static RunResult Merge(IEnumerable<WorkerResult> workers, TimeSpan elapsed, int hosts)
    {
        var hostRequests = new int[hosts];
        var hostSucceeded = new int[hosts];
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
            for (var h = 0; h < hosts; h++)
            {
                hostRequests[h] += worker.HostRequests[h];
                hostSucceeded[h] += worker.HostSucceeded[h];
            }
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        return new RunResult(sorted, codes, statuses, elapsed, firstError, hostRequests, hostSucceeded);
    }
}

/// <summary>Samples VmRSS of the host(s) every 100 ms (summed over hosts) and reads VmHWM (peak resident set since each host started, summed).</summary>
internal sealed class MemorySampler(IReadOnlyList<int> pids) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long[] _startCpuTicks = [];

    public long PeakRssKb { get; private set; }

    public long HighWaterMarkKb { get; private set; }

    /// <summary>CPU time (user + system) the hosts used between Start and StopAsync, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan HostCpu { get; private set; }

    public void Start()
    {
        if (pids.Count == 0)
        {
            return;
        }

        _startCpuTicks = [.. pids.Select(CpuTicks)];
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
        if (pids.Count > 0)
        {
            // USER_HZ is 100 on Linux. A host restarted meanwhile (crash test) has a new pid: its CPU is not counted.
            var ticks = pids.Select((pid, i) => Math.Max(0, CpuTicks(pid) - _startCpuTicks[i])).Sum();
            HostCpu = TimeSpan.FromMilliseconds(ticks * 10.0);
        }
    }

    public void Dispose() => _stop.Dispose();

    private void Sample()
    {
        long rss = 0, hwm = 0;
        foreach (var pid in pids)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        rss += ParseKb(line);
                    }
                    else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        hwm += ParseKb(line);
                    }
                }
            }
            catch (IOException)
            {
                // The host has exited; keep what was sampled.
            }
        }

        PeakRssKb = Math.Max(PeakRssKb, rss);
        HighWaterMarkKb = Math.Max(HighWaterMarkKb, hwm);
    }

    private static long CpuTicks(int pid)
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
    double PeakRssMb, double HwmMb, double HostCpuMsPerOrder, string? FirstError, string PerHost, double DrainSeconds, double CompletedPerSecond)
{
    public const string CsvHeader =
        "label,concurrency,seconds,requests,succeeded,orders_per_s,p50_ms,p95_ms,p99_ms,max_ms,errors,errors_by_code,ready_pct,order_statuses,host_peak_rss_mb,host_vmhwm_mb,host_cpu_ms_per_order,drain_s,completed_per_s";

    public static Report From(Options options, RunResult result, MemorySampler memory, TimeSpan drain)
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
            result.FirstError,
            string.Join(' ', result.HostRequests.Select((r, h) => $"host{h}={result.HostSucceeded[h]}/{r}")),
            drain.TotalSeconds,
            succeeded / (result.Elapsed + drain).TotalSeconds);
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
        if (PerHost.Contains(' ', StringComparison.Ordinal))
        {
            sb.AppendLine(c, $"  per host (2xx/requests): {PerHost}");
        }

        if (DrainSeconds > 0)
        {
            sb.AppendLine(c, $"  background work drained {DrainSeconds:F1} s after the window; completed {CompletedPerSecond:F1} orders/s over window + drain");
        }

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
        DrainSeconds.ToString("F1", CultureInfo.InvariantCulture),
        CompletedPerSecond.ToString("F1", CultureInfo.InvariantCulture),
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
    IReadOnlyList<string> Urls, string ApiKey, int Concurrency, int DurationSeconds, int WarmupSeconds, string? CsvPath, IReadOnlyList<int> HostPids,
    string Label, IReadOnlyList<string> Skus, int LinesPerOrder, int Quantity, int Receive, string Location, string? RequestsLogPath,
    int SearchIterations, string? SearchSamplesPath, bool RespondAsync, bool WaitForDrain)
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
        static string[] List(string? value) => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var concurrency = Int("concurrency", 16);
        var urls = List(map.GetValueOrDefault("url"));
        if (urls.Length == 0)
        {
            throw new ArgumentException("--url is required");
        }

        return new Options(
            urls,
            map.GetValueOrDefault("api-key") ?? throw new ArgumentException("--api-key is required"),
            concurrency,
            Int("duration", 30),
            Int("warmup", 5),
            map.GetValueOrDefault("csv"),
            [.. List(map.GetValueOrDefault("pid")).Select(p => int.Parse(p, CultureInfo.InvariantCulture))],
            map.GetValueOrDefault("label") ?? $"http-c{concurrency}",
            List(map.GetValueOrDefault("skus") ?? "CAB-2019-750,CAB-2020-750,CHD-2022-750,CHD-2023-750,PN-2021-750,SB-2023-750,BRUT-NV-750"),
            Int("lines", 2),
            Int("quantity", 1),
            Int("receive", 0),
            map.GetValueOrDefault("location") ?? "NAPA-WH",
            map.GetValueOrDefault("requests-log"),
            Int("search", 0),
            map.GetValueOrDefault("search-samples"),
            Int("respond-async", 0) == 1,
            Int("drain", 1) == 1);
    }
}

/// <summary>
/// Times GET /api/v1/orders the way support and the back-office inbox use it, one request at a time:
/// by email, by number, the inbox's first page (no filter), and a status filter on pages 1-10.
/// </summary>
internal static class SearchTimings
{
    private static readonly string[] Statuses = ["ReadyToFulfill", "OnHold", "Shipped", "Delivered", "Cancelled"];

    public static async Task<int> RunAsync(HttpClient http, Options options)
    {
        var samples = options.SearchSamplesPath is null
            ? []
            : File.ReadAllLines(options.SearchSamplesPath)
                .Select(l => l.Split(','))
                .Where(f => f.Length >= 2 && f[0].Contains('@', StringComparison.Ordinal))
                .Select(f => (Email: f[0], Number: f[1]))
                .ToArray();
        if (samples.Length == 0)
        {
            Console.Error.WriteLine("--search needs --search-samples with lines 'email,number'");
            return 2;
        }

        var n = options.SearchIterations;
        var kinds = new (string Name, Func<int, string> Url, Func<JsonElement, bool> Check)[]
        {
            // Emails are searched as a user types them (mixed case); the handler lower-cases them.
            ("email", i => "/api/v1/orders?email=" + Uri.EscapeDataString(MixCase(samples[i % samples.Length].Email)), r => Items(r) >= 1),
            ("number", i => "/api/v1/orders?number=" + Uri.EscapeDataString(samples[i % samples.Length].Number.ToLowerInvariant()), r => Items(r) == 1),
            ("inbox-first-page", _ => "/api/v1/orders?page=1&pageSize=25", r => Items(r) == 25),
            ("status-page-1-10", i => $"/api/v1/orders?status={Statuses[i % Statuses.Length]}&page={1 + (i / Statuses.Length % 10)}&pageSize=25", r => Items(r) >= 0),
        };

        var rows = new List<string>();
        var failed = 0;
        foreach (var (name, url, check) in kinds)
        {
            for (var i = 0; i < Math.Min(10, n); i++)
            {
                using var warm = await http.GetAsync(url(i + 7919), CancellationToken.None); // warm-up: JIT, plans, pool
            }

            var ticks = new long[n];
            var errors = 0;
            string? firstError = null;
            for (var i = 0; i < n; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url(i), CancellationToken.None);
                var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                ticks[i] = Stopwatch.GetElapsedTime(started).Ticks;
                var ok = response.IsSuccessStatusCode && Parse(body) is { } root && check(root);
                if (!ok)
                {
                    errors++;
                    firstError ??= $"{(int)response.StatusCode} {url(i)}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300))}";
                }
            }

            Array.Sort(ticks);
            double P(double p) => TimeSpan.FromTicks(ticks[Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1)]).TotalMilliseconds;
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"  {name,-18} n={n}  p50 {P(0.5),7:F1} ms  p95 {P(0.95),7:F1} ms  p99 {P(0.99),7:F1} ms  max {P(1),7:F1} ms  errors {errors}"));
            if (firstError is not null)
            {
                Console.WriteLine($"    first error: {firstError}");
            }

            failed += errors;
            rows.Add(string.Create(c, $"{options.Label},{name},{n},{P(0.5):F1},{P(0.95):F1},{P(0.99):F1},{P(1):F1},{errors}"));
        }

        if (options.CsvPath is { } csv)
        {
            var header = !File.Exists(csv) || new FileInfo(csv).Length == 0 ? "label,query,n,p50_ms,p95_ms,p99_ms,max_ms,errors\n" : string.Empty;
            await File.AppendAllTextAsync(csv, header + string.Join('\n', rows) + "\n", CancellationToken.None);
        }

        return failed == 0 ? 0 : 1;
    }

    private static string MixCase(string email) => email.Length == 0 ? email : char.ToUpperInvariant(email[0]) + email[1..];

    private static int Items(JsonElement root) =>
        root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : -1;

    private static JsonElement? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Waits until the host has finished the background work of every order: none is left <c>Received</c> (placements
/// answered early) and no module has an undispatched outbox row (emails and other integration events).
/// </summary>
internal static class Drain
{
    private static readonly string[] Modules = ["orders", "inventory", "compliance", "payments", "fulfillment", "shipping", "notifications"];

    public static async Task<TimeSpan> WaitAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            var received = (await GetAsync(http, "/api/v1/orders?status=Received&pageSize=1")).GetProperty("total").GetInt32();
            var outbox = 0;
            foreach (var module in Modules)
            {
                var pending = (await GetAsync(http, $"/api/v1/modules/{module}/status")).GetProperty("pendingOutboxMessages").GetInt32();
                outbox += pending < 0 ? 1 : pending; // -1: the module's database did not answer; not drained
            }

            if (received == 0 && outbox == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  draining: {received} order(s) Received, {outbox} outbox row(s) pending after {clock.Elapsed.TotalSeconds:F0} s"));
            }

            await Task.Delay(250, CancellationToken.None);
        }

        throw new TimeoutException("Background work did not drain within 10 minutes.");
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
        return document.RootElement.Clone();
    }
}
