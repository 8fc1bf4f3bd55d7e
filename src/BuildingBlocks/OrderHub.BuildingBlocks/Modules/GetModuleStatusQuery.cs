using Mediator;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>
/// A module's status (<see cref="ModuleStatusDto"/>): one query for every module, keyed by its schema, answered through
/// Mediator from that module's own DbContext (a cheap end-to-end ping).
/// </summary>
public sealed record GetModuleStatusQuery(string Schema) : IQuery<ModuleStatusDto>
{
    public static GetModuleStatusQuery For(IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new GetModuleStatusQuery(module.Schema);
    }
}
