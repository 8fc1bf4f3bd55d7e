using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Payments.Gateways;

/// <summary>
/// Orders a marketplace already charged (Commerce7 "Paid"): the money sits with the marketplace, so nothing is held or
/// captured here. Their token is a <see cref="PrepaidTokens"/> token (only server-side marketplace imports may set it). Authorization and capture are recorded as succeeded against that reference, so the ledger
/// reconciles with the order; a void has nothing to release; a refund has to be issued in the marketplace, so it is
/// declined here with that instruction rather than recorded as money OrderHub never moved. Every other token goes to
/// the card gateway.
/// </summary>
internal sealed class MarketplacePrepaidGateway(IPaymentGateway cards) : IPaymentGateway
{
    public string Name => cards.Name;

    public Task<GatewayResult> AuthorizeAsync(GatewayAuthorization request, CancellationToken cancellationToken) =>
        PrepaidTokens.IsPrepaid(request.Token) ? Task.FromResult(GatewayResult.Success(request.Token)) : cards.AuthorizeAsync(request, cancellationToken);

    public Task<GatewayResult> CaptureAsync(GatewayCapture request, CancellationToken cancellationToken) =>
        PrepaidTokens.IsPrepaid(request.AuthorizationReference) ? Task.FromResult(GatewayResult.Success(request.AuthorizationReference)) : cards.CaptureAsync(request, cancellationToken);

    public Task<GatewayResult> VoidAsync(GatewayVoid request, CancellationToken cancellationToken) =>
        PrepaidTokens.IsPrepaid(request.AuthorizationReference) ? Task.FromResult(GatewayResult.Success(request.AuthorizationReference)) : cards.VoidAsync(request, cancellationToken);

    public Task<GatewayResult> RefundAsync(GatewayRefund request, CancellationToken cancellationToken) =>
        PrepaidTokens.IsPrepaid(request.AuthorizationReference)
            ? Task.FromResult(GatewayResult.Declined("refund_at_marketplace", "Paid at the marketplace: refund it there; OrderHub holds no money for this order."))
            : cards.RefundAsync(request, cancellationToken);
}
