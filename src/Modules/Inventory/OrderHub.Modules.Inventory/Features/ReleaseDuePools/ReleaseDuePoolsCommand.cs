using Mediator;

namespace OrderHub.Modules.Inventory.Features.ReleaseDuePools;

/// <summary>Releases up to <paramref name="BatchSize"/> active pools whose release date has come; returns how many.</summary>
internal sealed record ReleaseDuePoolsCommand(int BatchSize = 100) : ICommand<int>;
