namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>Names this process among several hosts sharing one database (shown on claimed outbox rows).</summary>
internal static class HostIdentity
{
    public static string Create()
    {
        var id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return id.Length <= 200 ? id : id[^200..];
    }
}
