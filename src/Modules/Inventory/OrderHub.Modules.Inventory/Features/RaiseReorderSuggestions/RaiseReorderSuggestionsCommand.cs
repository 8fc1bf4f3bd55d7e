using Mediator;

namespace OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;

/// <summary>The reorder check for one UTC day: answers how many new suggestions it raised (0 on a repeat the same day).</summary>
internal sealed record RaiseReorderSuggestionsCommand(DateOnly Day) : ICommand<int>;
