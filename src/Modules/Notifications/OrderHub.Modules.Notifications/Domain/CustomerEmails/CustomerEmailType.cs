namespace OrderHub.Modules.Notifications.Domain.CustomerEmails;

/// <summary>
/// The emails a customer gets along an order's journey, each from its own template. The list stays open: returns add
/// theirs next.
/// </summary>
internal enum CustomerEmailType
{
    OrderReceived,
    OrderConfirmed,
    Shipped,
    OutForDelivery,
    Delivered,

    /// <summary>A carrier exception: the delivery did not happen; says what happens next.</summary>
    MissedDelivery,

    /// <summary>The carrier's estimate moved past the date promised in the shipped email by more than one business day.</summary>
    Delayed,

    /// <summary>Wine waits for the weather: why, and the new ship date.</summary>
    WeatherHold,
    Cancelled,

    /// <summary>Not sent yet: refunds arrive with returns.</summary>
    RefundIssued,
}
