namespace OrderHub.Modules.Notifications.Domain.CustomerEmails;

/// <summary>Whom to write to about an order: taken from the order as it was received, so later events need not carry it.</summary>
internal sealed class CustomerContact
{
    private CustomerContact()
    {
    }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static CustomerContact For(Guid orderId, string orderNumber, string email, string name, DateTimeOffset now) =>
        new() { OrderId = orderId, OrderNumber = orderNumber, Email = email, Name = name, CreatedAt = now };
}

/// <summary>The delivery date a shipped email promised, against which a later estimate is a delay.</summary>
internal sealed class PromisedDelivery
{
    private PromisedDelivery()
    {
    }

    public Guid ShipmentId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public static PromisedDelivery Of(Guid shipmentId, string orderNumber, DateOnly date) => new() { ShipmentId = shipmentId, OrderNumber = orderNumber, Date = date };
}
