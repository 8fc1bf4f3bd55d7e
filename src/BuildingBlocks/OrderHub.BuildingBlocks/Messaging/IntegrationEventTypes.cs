using System.Collections.Concurrent;
using System.Text.Json;

namespace OrderHub.BuildingBlocks.Messaging;

/// <summary>
/// Names the types of outbox messages (integration events and internal commands: "Full.Name, Assembly", no version) and
/// resolves them back.
/// </summary>
public static class IntegrationEventTypes
{
    private static readonly ConcurrentDictionary<string, Type?> Cache = new();

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    public static Type? Resolve(string name) =>
        Cache.GetOrAdd(name, n =>
        {
            var type = Type.GetType(n, throwOnError: false);
            return type is not null && (typeof(IntegrationEvent).IsAssignableFrom(type) || typeof(InternalCommand).IsAssignableFrom(type)) ? type : null;
        });
}
