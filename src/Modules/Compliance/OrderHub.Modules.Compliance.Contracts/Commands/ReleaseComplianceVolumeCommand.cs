using Mediator;

namespace OrderHub.Modules.Compliance.Contracts.Commands;

/// <summary>
/// Orders sends this when an order is cancelled: the order's approved volume no longer counts towards the consumer's
/// limits. Idempotent: true when volume was released now, false when nothing (more) was counted for the order.
/// </summary>
public sealed record ReleaseComplianceVolumeCommand(Guid OrderId) : ICommand<bool>;
