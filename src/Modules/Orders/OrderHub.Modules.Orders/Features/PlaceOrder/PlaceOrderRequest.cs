using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Features.PlaceOrder;

/// <summary>The body of <c>POST /api/v1/orders</c> (API.md), as a web store, a CSV row group or a marketplace sends it.</summary>
internal record PlaceOrderRequest
{
    public string? Channel { get; init; }

    public string? ExternalReference { get; init; }

    public CustomerInput? Customer { get; init; }

    public AddressInput? ShippingAddress { get; init; }

    public AddressInput? BillingAddress { get; init; }

    public string? ShippingService { get; init; }

    public IReadOnlyList<LineInput>? Lines { get; init; }

    public PaymentInput? Payment { get; init; }
}

internal sealed record CustomerInput(string? Email, string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Phone);

internal sealed record AddressInput(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    /// <summary>The validated input as a domain address (trimmed).</summary>
    public Address ToAddress() => new(Line1!.Trim(), Line2?.Trim(), City!.Trim(), Region!.Trim(), PostalCode!.Trim(), Country!);

    /// <summary>A stored address as input again (an order the server builds from another, such as a reship).</summary>
    public static AddressInput From(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new(address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.Country);
    }
}

internal sealed record LineInput(string? Sku, int Quantity);

internal sealed record PaymentInput(string? Method, string? Token);
