using Mediator;

namespace OrderHub.Modules.Inventory.Features.AllocateBackorders;

/// <summary>Serves waiting backorders that need any of <paramref name="Skus"/> (null = all); answers how many got their stock.</summary>
internal sealed record AllocateBackordersCommand(IReadOnlyList<string>? Skus) : ICommand<int>;
