using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;

/// <summary>The daily reorder check (Hangfire, 06:00 UTC). Idempotent per UTC day: a second run the same day raises nothing.</summary>
internal sealed class RaiseReorderSuggestionsJob(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RaiseReorderSuggestionsCommand(day), cancellationToken);
    }
}
