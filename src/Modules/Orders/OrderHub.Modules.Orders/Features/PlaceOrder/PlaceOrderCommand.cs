using System.Text.Json.Serialization;
using Mediator;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>The body of <c>POST /api/v1/orders</c> (API.md), plus what the endpoint adds from the request.</summary>
internal sealed record PlaceOrderCommand : ICommand<PlaceOrderResult>
{
    public string? Channel { get; init; }

    public string? ExternalReference { get; init; }

    public CustomerInput? Customer { get; init; }

    public AddressInput? ShippingAddress { get; init; }

    public AddressInput? BillingAddress { get; init; }

    public string? ShippingService { get; init; }

    public IReadOnlyList<LineInput>? Lines { get; init; }

    public PaymentInput? Payment { get; init; }

    [JsonIgnore]
    public string IdempotencyKey { get; init; } = string.Empty;

    [JsonIgnore]
    public string RequestHash { get; init; } = string.Empty;

    [JsonIgnore]
    public string Actor { get; init; } = string.Empty;

    /// <summary>
    /// Read the key's record before doing any work (imports re-run whole files, so replays are common there). The REST
    /// endpoint turns it off: a web store sends a key once, and a replay is caught by the key's unique index at the
    /// insert and answered by the retry in <see cref="OrderIntake"/>, which looks first. Saves a round trip per order.
    /// </summary>
    [JsonIgnore]
    public bool LookUpReplayFirst { get; init; } = true;

    /// <summary>
    /// Set only by server-side marketplace imports for orders the marketplace already charged: their payment is
    /// <c>{ method: "Marketplace", token: "prepaid:…" }</c>. Never bound from a request body, so no web store or CSV
    /// can claim an order is paid.
    /// </summary>
    [JsonIgnore]
    public bool PaidAtMarketplace { get; init; }
}

internal sealed record CustomerInput(string? Email, string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Phone);

internal sealed record AddressInput(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    /// <summary>The validated input as a domain address (trimmed).</summary>
    public Address ToAddress() => new(Line1!.Trim(), Line2?.Trim(), City!.Trim(), Region!.Trim(), PostalCode!.Trim(), Country!);
}

internal sealed record LineInput(string? Sku, int Quantity);

internal sealed record PaymentInput(string? Method, string? Token);

internal sealed record PlaceOrderResult(Guid OrderId, string OrderNumber, bool Created)
{
    /// <summary>The order this command created, still tracked by the request's Orders context (null on a replay).</summary>
    public Order? Received { get; init; }
}
