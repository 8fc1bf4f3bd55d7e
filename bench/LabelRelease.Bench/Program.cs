using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

// A wine-club release: N wine orders placed through the API and picked in waves. Scenario "club" (the default, issue 22's
// "5,000 packed orders get all labels"): they are packed ahead to ship on a day two weeks out (not measured), then staff
// release that day (POST /api/v1/shipping/releases) and the host buys every label at its configured pace. Scenario
// "pack": they are all packed through the API at once and each pack buys its label. Either way the host's own outbox
// dispatcher buys the labels (Shipping's BuyLabel step, simulated carriers). Measures the wall time from the release (or
// the first pack) to the last label, and order intake (orders/s placed over HTTP by a fixed few clients, answered after
// the whole placement) alone before, during and alone after the release.
//
// Usage (scripts/bench-label-release.sh runs it against a throwaway PostgreSQL and a Release host):
//   dotnet LabelRelease.Bench.dll --url http://127.0.0.1:5080 --api-key KEY --pg "Host=...;Database=orderhub;..."
//       [--orders 5000] [--intake-clients 4] [--baseline 100] [--pack-clients 8] [--out bench/results] [--label name]
//       [--timeout-minutes 20] [--after-drain 180] (longest wait for the intake's backlog before the window after)
//       [--scenario club|pack|none] (club: packed ahead, then released; pack: packed in the window; none: packed ahead and
//       not released, the control: the window "during" lasts --baseline seconds with no release)
//       [--host-pid N] (the host's CPU and PostgreSQL's in each intake window, read from /proc)
//       [--phase all|setup|release] (setup: place, source and pick, then stop; release: start from the picked
//       fulfillments already there, e.g. a database copied after a setup run; scripts/bench-label-release.sh SNAPSHOT=)
var o = Args.Parse(args);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
var runId = Guid.NewGuid().ToString("N")[..8];
using var http = Http.Create(o.Url, o.ApiKey, Math.Max(o.PackClients, o.IntakeClients) + 8);
await using var pg = NpgsqlDataSource.Create(o.Pg);
var log = new List<string>();
void Say(string line)
{
    var text = string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {line}");
    Console.WriteLine(text);
    log.Add(text);
}

Say($"release of {o.Orders} wine orders; intake {o.IntakeClients} clients; packing {o.PackClients} clients; run {runId}");
var released = 0;
var clock = Stopwatch.StartNew();
if (o.Phase != "release")
{
    await Parallel.ForAsync(0, o.Orders, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, ct) =>
    {
        var code = await Orders.PlaceAsync(http, $"club-{runId}", n, respondAsync: true);
        if (code is 200 or 201 or 202)
        {
            Interlocked.Increment(ref released);
        }
    });
    Say($"placed {released}/{o.Orders} release orders in {clock.Elapsed.TotalSeconds:F1} s; waiting for them to be sourced");
    await Drain.WaitAsync(http, pg, Say);

    clock.Restart();
    var waves = 0;
    foreach (var location in await Db.ListAsync(pg, """SELECT DISTINCT "LocationCode" FROM fulfillment."Fulfillments" WHERE "Status" = 'Open' AND "Type" = 'Warehouse'"""))
    {
        while (await Picking.WaveAsync(http, location))
        {
            waves++;
        }
    }

    Say($"{waves} pick wave(s) confirmed in {clock.Elapsed.TotalSeconds:F1} s");
}

var picked = await Db.ListAsync(pg, """SELECT "Id"::text FROM fulfillment."Fulfillments" WHERE "Status" = 'Picked' ORDER BY "CreatedAt" """);
Say($"{picked.Count} fulfillments picked, waiting to be packed");
await Drain.WaitAsync(http, pg, Say);
if (o.Phase == "setup")
{
    Say("setup done: stopping before the release (--phase setup)");
    return 0;
}

var shipmentsBefore = await Db.CountAsync(pg, """SELECT count(*) FROM shipping."Shipments" """);
var packErrors = new ConcurrentDictionary<int, int>();
var packed = 0;
Task PackAllAsync(DateOnly? shipOn) => Parallel.ForEachAsync(picked, new ParallelOptions { MaxDegreeOfParallelism = o.PackClients }, async (id, ct) =>
{
    var code = await Picking.PackAsync(http, id, shipOn);
    if (code == 200)
    {
        Interlocked.Increment(ref packed);
    }
    else
    {
        packErrors.AddOrUpdate(code, 1, (_, c) => c + 1);
    }
});

// The club scenario: the warehouse packed the release ahead, to ship on a later day, and staff release that day; the
// pack scenario: the release is packed all at once and each pack buys its label.
var shipOnDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
if (o.Scenario is "club" or "none")
{
    clock.Restart();
    await PackAllAsync(shipOnDay);
    Say($"packed ahead {packed} fulfillments to ship on {shipOnDay:yyyy-MM-dd} in {clock.Elapsed.TotalSeconds:F1} s (not measured; errors {Format(packErrors)})");
    await Drain.WaitAsync(http, pg, Say);
}

// Intake alone (A), then during the release, then alone again (B): the ratio uses the mean of A and B, so a machine
// that got busier or quieter over the run does not tilt it. Each window alone should last as long as the release: a short
// one after a full drain measures a burst whose background work is left for later (20 s alone ran 16 % faster than 100 s).
using var intake = new Intake(http, $"intake-{runId}", o.IntakeClients, o.HostPid);
if (o.Phase == "release")
{
    // A host started on a copied database has not placed an order yet (JIT, plans, pools): warm it up first.
    await intake.MeasureAsync(TimeSpan.FromSeconds(Math.Min(o.BaselineSeconds, 20)), "warm-up (not counted)", Say);
    await Drain.WaitAsync(http, pg, Say);
}

var statements = new StatementsPerWindow(pg);
await statements.MarkAsync();
var before = await intake.MeasureAsync(TimeSpan.FromSeconds(o.BaselineSeconds), "alone (before)", Say);
Say(await Drain.LeftBehindAsync(pg, before.Orders));
await statements.CloseAsync("before", before.Orders);
await Drain.WaitAsync(http, pg, Say);

await statements.MarkAsync();
var during = intake.StartAsync();
var release = Stopwatch.StartNew();
Task packing;
if (o.Scenario == "club")
{
    Say($"release: staff release the {packed} shipments packed to ship on {shipOnDay:yyyy-MM-dd} while {o.IntakeClients} clients place orders");
    foreach (var location in await Db.ListAsync(pg, $"""SELECT DISTINCT "LocationCode" FROM shipping."Shipments" WHERE "ShipOn" = '{shipOnDay:yyyy-MM-dd}' AND "Status" = 'LabelPending' """))
    {
        var (code, body) = await Http.SendAsync(http, HttpMethod.Post, "/api/v1/shipping/releases",
            new { locationCode = location, shipOn = shipOnDay, reason = $"Club release (bench run {runId})" });
        Say($"  released {location}: {code} {body}");
    }

    packing = Task.CompletedTask;
}
else if (o.Scenario == "none")
{
    // The control: the same packed-ahead shipments, the same window, and no release. Its ratio is the harness's own
    // spread, against which a release's is read.
    Say($"control: no release for {o.BaselineSeconds} s while {o.IntakeClients} clients place orders");
    packing = Task.CompletedTask;
}
else
{
    Say($"release: packing {picked.Count} fulfillments with {o.PackClients} clients while {o.IntakeClients} clients place orders");
    packing = PackAllAsync(null);
}

TimeSpan? packedAt = null;
var intakeWhilePacking = 0L;
var progress = new List<(double Seconds, int Packed, long Shipments, long Labelled, long Held)>();
var lastSay = TimeSpan.Zero;
while (true)
{
    if (packedAt is null && packing.IsCompleted)
    {
        await packing;
        packedAt = release.Elapsed;
        intakeWhilePacking = intake.Completed;
        Say($"  all packed after {packedAt.Value.TotalSeconds:F1} s ({packed} packed, errors {Format(packErrors)})");
    }

    var (shipments, labelled, held) = await Db.ShipmentsAsync(pg, shipmentsBefore);
    progress.Add((release.Elapsed.TotalSeconds, Volatile.Read(ref packed), shipments, labelled, held));
    if (packedAt is not null && (o.Scenario == "none" ? release.Elapsed.TotalSeconds >= o.BaselineSeconds : shipments >= packed && labelled + held >= packed))
    {
        break;
    }

    if (release.Elapsed - lastSay >= TimeSpan.FromSeconds(5))
    {
        lastSay = release.Elapsed;
        Say($"  {release.Elapsed.TotalSeconds,5:F0} s: packed {Volatile.Read(ref packed)}, shipments {shipments}, labelled {labelled}, held {held}, intake {intake.Completed} orders");
    }

    if (release.Elapsed > TimeSpan.FromMinutes(o.TimeoutMinutes))
    {
        Say($"  gave up after {o.TimeoutMinutes} min");
        break;
    }

    // Counting every shipment costs the database as much as a third of the release's own statements: every 5 s while far
    // from the end (500 labels or 10 s left), twice a second near it, and always while packing (the "pack" scenario).
    var nearEnd = o.Scenario == "none" ? o.BaselineSeconds - release.Elapsed.TotalSeconds < 10 : packed - labelled - held < 500;
    await Task.Delay(o.Scenario == "pack" || packedAt is null || nearEnd ? 500 : 5000);
}

var releaseTime = release.Elapsed;
var duringResult = await intake.StopAsync(during, "during the release"); // its CPU is the release window's
await statements.CloseAsync("during", duringResult.Orders);
Say(duringResult.Text);
Say(await Drain.LeftBehindAsync(pg, duringResult.Orders));
var (finalShipments, finalLabelled, finalHeld) = await Db.ShipmentsAsync(pg, shipmentsBefore);
Say($"release: {finalLabelled} labelled ({finalHeld} held for weather) of {packed} packed; {(o.Scenario == "club" ? "release" : "first pack")} to last label {releaseTime.TotalSeconds:F1} s, packing took {packedAt?.TotalSeconds:F1} s");
if (o.Scenario == "pack" && packedAt is { } packingTime && releaseTime > packingTime)
{
    // The two phases load the host differently: pack requests beside the checkouts, then only the background work.
    Say(string.Create(CultureInfo.InvariantCulture,
        $"intake while packing: {intakeWhilePacking / packingTime.TotalSeconds:F1} orders/s; after, while the last labels were bought: {(duringResult.Orders - intakeWhilePacking) / (releaseTime - packingTime).TotalSeconds:F1} orders/s"));
}

// The intake's own orders leave background work behind (on the 2026-12-05 run, 41,000 outbox rows): wait for it at
// most --after-drain seconds, and say whether the window after ran on a drained host.
var afterDrained = await Drain.WaitAsync(http, pg, Say, TimeSpan.FromSeconds(o.AfterDrainSeconds));
await statements.MarkAsync();
var after = await intake.MeasureAsync(TimeSpan.FromSeconds(o.BaselineSeconds), "alone (after)", Say);
Say(await Drain.LeftBehindAsync(pg, after.Orders));
await statements.CloseAsync("after", after.Orders);
var alone = (before.OrdersPerSecond + after.OrdersPerSecond) / 2;
var ratio = alone > 0 ? duringResult.OrdersPerSecond / alone : 0;
Say(string.Create(CultureInfo.InvariantCulture, $"intake during the release: {duringResult.OrdersPerSecond:F1} orders/s vs {alone:F1} alone (mean of {before.OrdersPerSecond:F1} and {after.OrdersPerSecond:F1}): {ratio:P0} ({1 - ratio:P0} slower)"));

// Where the time went, per shipment: packed event handled (shipment created) to label bought (the shipment's UpdatedAt).
if (o.Scenario == "pack")
{
    Say(await Db.LatencyAsync(pg, shipmentsBefore));
}

Directory.CreateDirectory(o.Out);
var csv = Path.Combine(o.Out, $"label-release-{stamp}.csv");
await File.WriteAllTextAsync(csv, string.Join('\n',
    "label,scenario,orders,packed,labelled,held,pack_s,first_pack_to_last_label_s,labels_per_s,intake_before_per_s,intake_during_per_s,intake_after_per_s,intake_ratio,intake_p50_alone_ms,intake_p50_during_ms,after_drained,host_cores_in_release,pg_cores_in_release,host_cores_alone,pg_cores_alone,cores,loadavg",
    string.Create(CultureInfo.InvariantCulture,
        $"{o.Label},{o.Scenario},{o.Orders},{packed},{finalLabelled},{finalHeld},{packedAt?.TotalSeconds:F1},{releaseTime.TotalSeconds:F1},{finalLabelled / releaseTime.TotalSeconds:F1},{before.OrdersPerSecond:F1},{duringResult.OrdersPerSecond:F1},{after.OrdersPerSecond:F1},{ratio:F3},{before.P50Ms:F0},{duringResult.P50Ms:F0},{afterDrained},{duringResult.HostCores:F2},{duringResult.PostgresCores:F2},{(before.HostCores + after.HostCores) / 2:F2},{(before.PostgresCores + after.PostgresCores) / 2:F2},{Environment.ProcessorCount},{File.ReadAllText("/proc/loadavg").Split(' ')[0]}"),
    string.Empty));
await statements.WriteAsync(Path.Combine(o.Out, $"label-release-{stamp}-statements-per-window.tsv"));
await File.WriteAllTextAsync(Path.ChangeExtension(csv, ".progress.csv"),
    "seconds,packed,shipments,labelled,held\n" + string.Join('\n', progress.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Seconds:F1},{p.Packed},{p.Shipments},{p.Labelled},{p.Held}"))) + "\n");
await File.WriteAllLinesAsync(Path.ChangeExtension(csv, ".log"), log);
Console.WriteLine($"results: {csv} (+ .progress.csv, .log)");
return (o.Scenario == "none" || finalLabelled + finalHeld >= packed) && packed == picked.Count ? 0 : 1;

static string Format(ConcurrentDictionary<int, int> errors) => errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key}: {e.Value}"));

internal sealed record Args(string Url, string ApiKey, string Pg, int Orders, int IntakeClients, int BaselineSeconds, int PackClients, string Out, string Label, int TimeoutMinutes, int AfterDrainSeconds, string Phase, string Scenario, int HostPid)
{
    public static Args Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Args(
            map["url"], map["api-key"], map["pg"], Int("orders", 5000), Int("intake-clients", 4), Int("baseline", 100), Int("pack-clients", 8),
            map.GetValueOrDefault("out") ?? "bench/results", map.GetValueOrDefault("label") ?? "release", Int("timeout-minutes", 20), Int("after-drain", 180),
            map.GetValueOrDefault("phase") ?? "all", map.GetValueOrDefault("scenario") ?? "club", Int("host-pid", 0));
    }
}

internal static class Http
{
    public static HttpClient Create(string url, string apiKey, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public static async Task<(int Code, JsonElement Body)> SendAsync(HttpClient http, HttpMethod method, string path, object? body, string? idempotencyKey = null, bool respondAsync = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        try
        {
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var json = bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(bytes).RootElement.Clone()
                : default;
            return ((int)response.StatusCode, json);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, default);
        }
    }
}

internal static class Orders
{
    // Wine to states that allow direct shipping with no volume limit and whose December weather lets wine travel
    // (a cold destination would hold the label for weather, which is not what is measured here).
    private static readonly (string Region, string PostalCode, string City)[] Destinations =
        [("CA", "94103", "San Francisco"), ("CA", "90012", "Los Angeles"), ("FL", "33101", "Miami"), ("CA", "92101", "San Diego")];

    private static readonly string[] Skus = ["CAB-2019-750", "CAB-2020-750", "CHD-2022-750", "CHD-2023-750", "PN-2021-750", "SB-2023-750", "BRUT-NV-750"];

    public static async Task<int> PlaceAsync(HttpClient http, string prefix, long n, bool respondAsync)
    {
        var destination = Destinations[n % Destinations.Length];
        var body = new
        {
            channel = "Web",
            externalReference = $"{prefix}-{n}",
            customer = new { email = $"{prefix}-{n}@bench.example", firstName = "Club", lastName = $"Member-{prefix}-{n}", dateOfBirth = "1980-04-12" },
            shippingAddress = new { line1 = $"{n} Release Ave", city = destination.City, region = destination.Region, postalCode = destination.PostalCode, country = "US" },
            shippingService = "Ground",
            lines = new[] { new { sku = Skus[n % Skus.Length], quantity = 3 }, new { sku = Skus[(n + 3) % Skus.Length], quantity = 3 } },
            payment = new { method = "Card", token = "tok_visa" },
        };
        return (await Http.SendAsync(http, HttpMethod.Post, "/api/v1/orders", body, $"{prefix}-{n}", respondAsync)).Code;
    }
}

internal static class Picking
{
    /// <summary>One wave at the location, confirmed in full; false when nothing is left to pick there.</summary>
    public static async Task<bool> WaveAsync(HttpClient http, string location)
    {
        var (code, list) = await Http.SendAsync(http, HttpMethod.Post, "/api/v1/pick-lists", new { locationCode = location, maxOrders = 1000 }, "wave-" + Guid.NewGuid().ToString("N"));
        if (code == 422)
        {
            return false;
        }

        if (code != 201)
        {
            throw new InvalidOperationException($"pick list at {location}: {code} {list}");
        }

        var id = list.GetProperty("id").GetString();
        var (confirmed, body) = await Http.SendAsync(http, HttpMethod.Post, $"/api/v1/pick-lists/{id}/confirm", new { items = Array.Empty<object>() });
        return confirmed == 200 ? true : throw new InvalidOperationException($"confirm {id}: {confirmed} {body}");
    }

    /// <summary>Packs a picked fulfillment into the boxes OrderHub chooses (wine shippers).</summary>
    public static async Task<int> PackAsync(HttpClient http, string fulfillmentId, DateOnly? shipOn = null) =>
        (await Http.SendAsync(http, HttpMethod.Post, $"/api/v1/fulfillments/{fulfillmentId}/pack", shipOn is null ? new { } : new { shipOn }, "pack-" + fulfillmentId)).Code;
}

internal sealed record IntakeResult(string Phase, int Orders, double Seconds, double P50Ms, int Errors, Cpu Cpu, string Threads = "")
{
    public double OrdersPerSecond => Seconds > 0 ? Orders / Seconds : 0;

    public double HostCores => Seconds > 0 ? Cpu.Host / Seconds : 0;

    public double PostgresCores => Seconds > 0 ? Cpu.Postgres / Seconds : 0;

    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"intake {Phase}: {Orders} orders in {Seconds:F1} s = {OrdersPerSecond:F1} orders/s, p50 {P50Ms:F0} ms, {Errors} errors; CPU host {HostCores:F2} cores, PostgreSQL {PostgresCores:F2}{(Threads.Length > 0 ? $"\n    host threads: {Threads}" : "")}");
}

/// <summary>Order intake: a few clients placing orders one after the other, each answered after the whole placement.</summary>
internal sealed class Intake(HttpClient http, string prefix, int clients, int hostPid) : IDisposable
{
    private long _sequence;
    private int _completed;
    private int _errors;
    private ConcurrentBag<double> _latencies = [];
    private CancellationTokenSource _stop = new();
    private Stopwatch _clock = new();
    private Cpu _cpuAtStart;
    private readonly HostThreads _threads = new(hostPid);

    public int Completed => Volatile.Read(ref _completed);

    public void Dispose() => _stop.Dispose();

    public async Task<IntakeResult> MeasureAsync(TimeSpan window, string phase, Action<string> say)
    {
        var run = StartAsync();
        await Task.Delay(window);
        var result = await StopAsync(run, phase);
        say(result.Text);
        return result;
    }

    public Task StartAsync()
    {
        _stop.Dispose();
        (_completed, _errors, _latencies, _stop) = (0, 0, [], new CancellationTokenSource());
        _clock = Stopwatch.StartNew();
        _cpuAtStart = Cpu.Read(hostPid);
        _threads.Mark();
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var code = await Orders.PlaceAsync(http, prefix, Interlocked.Increment(ref _sequence), respondAsync: false);
                if (code is 200 or 201)
                {
                    Interlocked.Increment(ref _completed);
                    _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref _errors);
                }
            }
        })));
    }

    /// <summary>Orders answered per second of the window (requests in flight at the stop are waited for and counted).</summary>
    public async Task<IntakeResult> StopAsync(Task run, string phase)
    {
        await _stop.CancelAsync();
        await run;
        var seconds = _clock.Elapsed.TotalSeconds;
        var cpu = Cpu.Read(hostPid) - _cpuAtStart;
        var sorted = _latencies.Order().ToList();
        return new IntakeResult(phase, _completed, seconds, sorted.Count == 0 ? 0 : sorted[sorted.Count / 2], _errors, cpu, _threads.Since(seconds, _completed));
    }
}

/// <summary>
/// CPU seconds (user + system) so far of the host and of all PostgreSQL processes, read from /proc in this process: a
/// shell loop reading them would start processes in some windows and not others, and the checkouts feel every one.
/// </summary>
internal readonly record struct Cpu(double Host, double Postgres)
{
    private const double TicksPerSecond = 100; // USER_HZ

    public static Cpu operator -(Cpu a, Cpu b) => new(a.Host - b.Host, a.Postgres - b.Postgres);

    public static Cpu Read(int hostPid)
    {
        if (hostPid <= 0)
        {
            return default;
        }

        var postgres = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Ticks(pid) is { Command: "postgres" } p)
            {
                postgres += p.Ticks;
            }
        }

        return new Cpu((Ticks(hostPid)?.Ticks ?? 0) / TicksPerSecond, postgres / TicksPerSecond);
    }

    private static (string Command, long Ticks)? Ticks(int pid) => Stat($"/proc/{pid}/stat");

    /// <summary>The name and CPU ticks (user + system) of a process or thread from its stat file; null when it has exited.</summary>
    public static (string Command, long Ticks)? Stat(string path)
    {
        try
        {
            // "pid (comm) state ppid ...": utime and stime are the 14th and 15th fields, the 12th and 13th after "(comm) ".
            var stat = File.ReadAllText(path);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var command = stat[(stat.IndexOf('(') + 1)..close];
            return (command, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }
}

/// <summary>
/// The host's CPU over a window by thread name (/proc/pid/task: ".NET TP Worker", ".NET BGC", ...): which of its threads
/// spend what a window costs. A thread that exits in the window loses its share; the line says how much that was.
/// </summary>
internal sealed class HostThreads(int hostPid)
{
    private Dictionary<int, (string Name, long Ticks)> _mark = [];
    private long _processAtMark;

    public void Mark() => (_mark, _processAtMark) = (Read(), ProcessTicks());

    /// <summary>Cores by thread name over the window, and milliseconds of CPU an order placed, the largest first.</summary>
    public string Since(double seconds, int orders)
    {
        if (hostPid <= 0 || seconds <= 0)
        {
            return "";
        }

        var now = Read();
        var spent = now.Select(t => (t.Value.Name, Ticks: t.Value.Ticks - (_mark.TryGetValue(t.Key, out var m) && m.Name == t.Value.Name ? m.Ticks : 0)))
            .GroupBy(t => t.Name).Select(g => (Name: g.Key, Threads: g.Count(), Ticks: g.Sum(t => t.Ticks))).Where(g => g.Ticks > 0)
            .OrderByDescending(g => g.Ticks).ToList();
        var lost = ProcessTicks() - _processAtMark - spent.Sum(g => g.Ticks);
        string Share(long ticks) => string.Create(CultureInfo.InvariantCulture, $"{ticks / 100.0 / seconds:F2} cores, {(orders > 0 ? ticks * 10.0 / orders : 0):F2} ms/order");
        return string.Join("; ", spent.Take(8).Select(g => $"{g.Name} ({g.Threads}) {Share(g.Ticks)}")) + $"; exited threads {Share(Math.Max(0, lost))}";
    }

    private long ProcessTicks() => Cpu.Stat($"/proc/{hostPid}/stat")?.Ticks ?? 0;

    private Dictionary<int, (string Name, long Ticks)> Read()
    {
        var threads = new Dictionary<int, (string, long)>();
        if (hostPid <= 0)
        {
            return threads;
        }

        var tasks = $"/proc/{hostPid}/task";
        foreach (var dir in Directory.Exists(tasks) ? Directory.GetDirectories(tasks) : [])
        {
            if (int.TryParse(Path.GetFileName(dir), out var tid) && Cpu.Stat($"{dir}/stat") is { } thread)
            {
                threads[tid] = thread;
            }
        }

        return threads;
    }
}

/// <summary>
/// What PostgreSQL ran in each intake window (pg_stat_statements read at its start and end), per order placed in it: which
/// statements cost a window more than another. Skipped when the extension is not there.
/// </summary>
internal sealed class StatementsPerWindow(NpgsqlDataSource pg)
{
    private readonly List<(string Window, int Orders, Dictionary<long, (long Calls, double Ms, string Query)> Ran)> _windows = [];
    private Dictionary<long, (long Calls, double Ms, string Query)>? _mark;

    public async Task MarkAsync() => _mark = await ReadAsync();

    public async Task CloseAsync(string window, int orders)
    {
        if (_mark is null || await ReadAsync() is not { } now)
        {
            return;
        }

        var ran = now.Select(s => (s.Key, Then: _mark.GetValueOrDefault(s.Key), Now: s.Value)).Where(s => s.Now.Calls > s.Then.Calls)
            .ToDictionary(s => s.Key, s => (s.Now.Calls - s.Then.Calls, s.Now.Ms - s.Then.Ms, s.Now.Query));
        _windows.Add((window, orders, ran));
    }

    /// <summary>One line a statement (the 80 costliest over all windows): calls and milliseconds an order in each window.</summary>
    public async Task WriteAsync(string path)
    {
        if (_windows.Count == 0)
        {
            return;
        }

        double PerOrder(double value, int orders) => orders > 0 ? value / orders : 0;
        var header = "query\t" + string.Join('\t', _windows.Select(w => $"{w.Window} calls/order\t{w.Window} ms/order"));
        var totals = "(all)\t" + string.Join('\t', _windows.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{PerOrder(w.Ran.Values.Sum(r => r.Calls), w.Orders):F2}\t{PerOrder(w.Ran.Values.Sum(r => r.Ms), w.Orders):F3}")));
        var lines = _windows.SelectMany(w => w.Ran).GroupBy(r => r.Key)
            .OrderByDescending(g => g.Sum(r => r.Value.Ms)).Take(80)
            .Select(g => Short(g.First().Value.Query) + "\t" +
                string.Join('\t', _windows.Select(w => w.Ran.TryGetValue(g.Key, out var r)
                    ? string.Create(CultureInfo.InvariantCulture, $"{PerOrder(r.Calls, w.Orders):F3}\t{PerOrder(r.Ms, w.Orders):F4}")
                    : "0\t0")));
        await File.WriteAllLinesAsync(path, [header, totals, .. lines]);
    }

    private static string Short(string query)
    {
        var oneLine = System.Text.RegularExpressions.Regex.Replace(query, @"\s+", " ");
        return oneLine.Length <= 140 ? oneLine : oneLine[..140];
    }

    private async Task<Dictionary<long, (long Calls, double Ms, string Query)>?> ReadAsync()
    {
        try
        {
            await using var command = pg.CreateCommand(
                "SELECT queryid, calls, total_exec_time, query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND queryid IS NOT NULL");
            await using var reader = await command.ExecuteReaderAsync();
            var read = new Dictionary<long, (long, double, string)>();
            while (await reader.ReadAsync())
            {
                read[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetDouble(2), reader.IsDBNull(3) ? "" : reader.GetString(3));
            }

            return read;
        }
        catch (PostgresException)
        {
            return null;
        }
    }
}

internal static class Db
{
    public static async Task<List<string>> ListAsync(NpgsqlDataSource pg, string sql)
    {
        await using var command = pg.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource pg, string sql)
    {
        await using var command = pg.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Shipments made after the first <paramref name="skip"/>: how many, labelled (not LabelPending), held for weather.</summary>
    public static async Task<(long Shipments, long Labelled, long Held)> ShipmentsAsync(NpgsqlDataSource pg, long skip)
    {
        await using var command = pg.CreateCommand($"""
            SELECT count(*), count(*) FILTER (WHERE "Status" <> 'LabelPending'), count(*) FILTER (WHERE "Status" = 'LabelPending' AND "WeatherHeldSince" IS NOT NULL)
            FROM (SELECT "Status", "WeatherHeldSince" FROM shipping."Shipments" ORDER BY "CreatedAt", "Id" OFFSET {skip}) s
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public static async Task<string> LatencyAsync(NpgsqlDataSource pg, long skip)
    {
        await using var command = pg.CreateCommand($"""
            SELECT percentile_cont(ARRAY[0.5, 0.95, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM "UpdatedAt" - "CreatedAt")),
                   extract(epoch FROM max("CreatedAt") - min("CreatedAt")), extract(epoch FROM max("UpdatedAt") - min("CreatedAt"))
            FROM (SELECT * FROM shipping."Shipments" ORDER BY "CreatedAt", "Id" OFFSET {skip}) s WHERE "Status" <> 'LabelPending'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.IsDBNull(0))
        {
            return "no labelled shipment";
        }

        var p = reader.GetFieldValue<double[]>(0);
        return string.Create(CultureInfo.InvariantCulture,
            $"shipment created -> label bought: p50 {p[0]:F1} s, p95 {p[1]:F1} s, max {p[2]:F1} s; shipments created over {reader.GetDouble(1):F1} s, first created to last label {reader.GetDouble(2):F1} s");
    }
}

/// <summary>
/// Waits until no order is left Received and no module has an undispatched outbox row, not counting rows that failed
/// five times or more (a step that can never succeed, e.g. a demo shipment no carrier may take, is retried forever and
/// would hold the wait; they are counted and reported).
/// </summary>
internal static class Drain
{
    private static readonly string[] Modules = ["orders", "inventory", "compliance", "payments", "fulfillment", "shipping", "notifications"];

    /// <summary>A step queued for a later day (a label packed ahead) is not work waiting.</summary>
    private const string NotDueYet = "(\"LockedBy\" IS DISTINCT FROM 'not-due-yet' OR \"LockedUntil\" <= now())";

    /// <summary>A module's outbox rows due and not done (failing rows, 5 attempts or more, are counted apart).</summary>
    private static string DueRows(string module) =>
        $"(SELECT count(*) FROM {module}.\"OutboxMessages\" WHERE \"ProcessedAt\" IS NULL AND \"Attempts\" < 5 AND {NotDueYet})";

    /// <summary>
    /// The background work due and not done when a window ends, per module: the windows start drained, so this is what
    /// the window's orders (and a release's labels) left behind; work done later than in another window is not free.
    /// </summary>
    public static async Task<string> LeftBehindAsync(NpgsqlDataSource pg, int orders)
    {
        var sql = "SELECT " + string.Join(", ", Modules.Select(DueRows));
        await using var command = pg.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var counts = Modules.Select((m, i) => (Module: m, Rows: reader.GetInt64(i))).ToList();
        var total = counts.Sum(c => c.Rows);
        return string.Create(CultureInfo.InvariantCulture,
            $"    left behind: {total} outbox row(s) due, {(orders > 0 ? (double)total / orders : 0):F2} an order ({string.Join(", ", counts.Where(c => c.Rows > 0).Select(c => $"{c.Module} {c.Rows}"))})");
    }

    /// <returns>True when drained; false when <paramref name="max"/> (if given) ran out first.</returns>
    public static async Task<bool> WaitAsync(HttpClient http, NpgsqlDataSource pg, Action<string> say, TimeSpan? max = null)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var sql = "SELECT " + string.Join(" + ", Modules.Select(DueRows))
            + ", " + string.Join(" + ", Modules.Select(m => $"(SELECT count(*) FROM {m}.\"OutboxMessages\" WHERE \"ProcessedAt\" IS NULL AND \"Attempts\" >= 5)"));
        while (clock.Elapsed < (max ?? TimeSpan.FromMinutes(20)))
        {
            var (_, orders) = await Http.SendAsync(http, HttpMethod.Get, "/api/v1/orders?status=Received&pageSize=1", null);
            var received = orders.ValueKind == JsonValueKind.Object ? orders.GetProperty("total").GetInt32() : 1;
            await using var command = pg.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (outbox, failing) = (reader.GetInt64(0), reader.GetInt64(1));
            if (received == 0 && outbox == 0)
            {
                say(string.Create(CultureInfo.InvariantCulture, $"  drained after {clock.Elapsed.TotalSeconds:F1} s{(failing > 0 ? $" ({failing} outbox row(s) failing for good left aside)" : string.Empty)}"));
                return true;
            }

            if (clock.Elapsed - last >= TimeSpan.FromSeconds(10))
            {
                last = clock.Elapsed;
                say($"  draining: {received} order(s) Received, {outbox} outbox row(s) pending after {clock.Elapsed.TotalSeconds:F0} s");
            }

            await Task.Delay(500);
        }

        if (max is not null)
        {
            say($"  not drained after {max.Value.TotalSeconds:F0} s: going on");
            return false;
        }

        throw new TimeoutException("Background work did not drain within 20 minutes.");
    }
}
