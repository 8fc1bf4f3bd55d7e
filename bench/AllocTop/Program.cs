using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Usage: AllocTop <capture.nettrace> [orders placed in the capture] [top]
// Each AllocationTick stands for the ~100 KB allocated since the previous one, charged to the allocation that crossed
// the threshold: over thousands of ticks the sums are a fair sample of who allocates what.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AllocTop <capture.nettrace> [orders] [top]");
    return 2;
}

var orders = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
var top = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40;
var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);

var byType = new Dictionary<string, long>();
var byMethod = new Dictionary<string, long>();
var byMethodAndType = new Dictionary<string, long>();
long total = 0;
var ticks = 0;
foreach (var e in log.Events)
{
    if (e is not GCAllocationTickTraceData tick)
    {
        continue;
    }
    ticks++;
    var bytes = tick.AllocationAmount64;
    total += bytes;
    var type = tick.TypeName ?? "?";
    Add(byType, type, bytes);
    var method = InnermostApplicationFrame(e.CallStack());
    Add(byMethod, method, bytes);
    Add(byMethodAndType, $"{method}  <-  {type}", bytes);
}

Console.WriteLine($"{ticks} allocation ticks, {total / 1048576.0:F1} MB sampled" +
                  (orders > 0 ? $", {total / orders / 1024:F1} KB per order ({orders} orders)" : ""));
Print("by type", byType);
Print("by innermost OrderHub method (else the top library frame)", byMethod);
Print("by method and type", byMethodAndType);
return 0;

void Print(string title, Dictionary<string, long> sums)
{
    Console.WriteLine();
    Console.WriteLine($"== {title}");
    foreach (var (key, bytes) in sums.OrderByDescending(kv => kv.Value).Take(top))
    {
        var perOrder = orders > 0 ? $"{bytes / orders / 1024,8:F1} KB/order" : "";
        Console.WriteLine($"{100.0 * bytes / total,6:F1} % {perOrder}  {key}");
    }
}

static void Add(Dictionary<string, long> sums, string key, long bytes) =>
    sums[key] = sums.GetValueOrDefault(key) + bytes;

static string InnermostApplicationFrame(TraceCallStack? stack)
{
    string? firstLibrary = null;
    for (var frame = stack; frame is not null; frame = frame.Caller)
    {
        var method = frame.CodeAddress.FullMethodName;
        if (string.IsNullOrEmpty(method))
        {
            continue;
        }

        if (method.StartsWith("OrderHub", StringComparison.Ordinal))
        {
            return method;
        }

        firstLibrary ??= frame.CodeAddress.ModuleName + "!" + method;
    }
    return firstLibrary ?? "(no stack)";
}
