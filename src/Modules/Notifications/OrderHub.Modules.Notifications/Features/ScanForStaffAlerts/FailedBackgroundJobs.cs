using Hangfire;

namespace OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;

/// <summary>A background job Hangfire moved to Failed after its retries.</summary>
internal sealed record FailedBackgroundJob(string Id, string Name, string Error, DateTime? FailedAt);

/// <summary>The latest failed background jobs, read from the host's job store (shared by all hosts on a server database).</summary>
internal sealed class FailedBackgroundJobs(JobStorage storage)
{
    public IReadOnlyList<FailedBackgroundJob> Recent(int count) =>
        [.. storage.GetMonitoringApi().FailedJobs(0, count).Select(j => new FailedBackgroundJob(
            j.Key,
            j.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "an unknown job",
            Trim(j.Value.ExceptionMessage ?? j.Value.ExceptionType ?? j.Value.Reason ?? "no message"),
            j.Value.FailedAt))];

    private static string Trim(string message) => message.Length > 300 ? message[..300] + "…" : message.TrimEnd('.');
}
