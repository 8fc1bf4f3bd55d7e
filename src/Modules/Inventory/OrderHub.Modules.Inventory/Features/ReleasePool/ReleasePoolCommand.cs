using Mediator;

namespace OrderHub.Modules.Inventory.Features.ReleasePool;

/// <summary>Returns what a pool still sets aside to general stock. Idempotent: a released pool releases nothing more.</summary>
internal sealed record ReleasePoolCommand(string Name, string Reason) : ICommand<PoolReleaseDto>;

/// <summary><c>released</c>: units returned to general stock by this call (0 when the pool was already released).</summary>
internal sealed record PoolReleaseDto(string Name, string Status, int Released);
