using Mediator;

namespace OrderHub.Modules.Inventory.Contracts.Commands;

/// <summary>
/// Sent when a <see cref="ReserveStockCommand"/> was refused for shortage: asks Inventory to keep the demand waiting on
/// expected supply (open purchase orders and vintage releases). Inventory records the request only when expected supply
/// covers every short SKU, and answers with the date the last short SKU is expected. When stock arrives, waiting requests
/// are allocated by <paramref name="Priority"/> (higher first), then by request time, all or nothing per request, by
/// sending <see cref="ReserveStockCommand"/> with <paramref name="ReservationKey"/> (held until committed or released);
/// then <c>BackorderAllocatedIntegrationEvent</c> is published. Idempotent by key: a repeat answers the recorded request.
/// </summary>
/// <param name="ReservationKey">The key the stock will be reserved under, e.g. "order:{id}".</param>
/// <param name="Channel">The selling channel (passed on to the reservation).</param>
/// <param name="Lines">The complete lines to reserve (not only the short ones).</param>
/// <param name="Priority">Higher is served first; equal priorities are served first come, first served.</param>
/// <param name="OrderNumber">For logs and the allocation event.</param>
public sealed record RequestBackorderCommand(string ReservationKey, string Channel, IReadOnlyList<StockLine> Lines, int Priority, string? OrderNumber) : ICommand<BackorderDto>;

/// <summary>
/// The answer to <see cref="RequestBackorderCommand"/>: <see cref="Waiting"/> true when the request is recorded (then
/// <see cref="ExpectedAt"/> is when the last short SKU is expected); false when some short SKU has no expected supply
/// (listed in <see cref="UncoveredSkus"/>) and nothing was recorded.
/// </summary>
public sealed record BackorderDto(string ReservationKey, bool Waiting, DateTimeOffset? ExpectedAt, IReadOnlyList<string> UncoveredSkus);
