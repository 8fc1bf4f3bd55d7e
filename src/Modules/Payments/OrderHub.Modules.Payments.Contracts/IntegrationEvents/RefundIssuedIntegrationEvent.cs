using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Payments.Contracts.IntegrationEvents;

/// <summary>
/// Money went back to the customer's card: one refund transaction the gateway accepted (a refund spread over two
/// captures is two). Published with the transaction's success, so it is announced exactly when it happened.
/// </summary>
public sealed record RefundIssuedIntegrationEvent(
    Guid OrderId, string OrderNumber, Guid RefundId, decimal Amount, string Currency, string? Reason, string? Reference) : IntegrationEvent;
