using Mediator;

namespace OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;

/// <summary>The daily reorder check (Hangfire, 06:00 UTC). Idempotent per UTC day: a second run the same day raises nothing.</summary>
internal sealed class RaiseReorderSuggestionsJob(ISender sender, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new RaiseReorderSuggestionsCommand(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), cancellationToken);
}
