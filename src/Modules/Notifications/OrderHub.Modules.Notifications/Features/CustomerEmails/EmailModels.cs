using System.Text.Json.Nodes;

namespace OrderHub.Modules.Notifications.Features.CustomerEmails;

/// <summary>
/// The values a template reads (listed in <c>DefaultEmailTemplates</c>), built in one place for the emails and for the
/// editor's preview, so a preview shows exactly the names a real email has.
/// </summary>
internal static class EmailModels
{
    /// <summary>Adds what every email has: the brand, the customer, the order's number.</summary>
    public static JsonObject Complete(JsonObject model, BrandOptions brand, string customerName, string customerEmail, string orderNumber)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(brand);
        model["brand"] = new JsonObject { ["name"] = brand.Name, ["support_email"] = brand.SupportEmail };
        model["customer"] = new JsonObject { ["name"] = customerName, ["email"] = customerEmail };
        var order = model["order"] as JsonObject ?? [];
        order["number"] = orderNumber;
        model["order"] = order;
        return model;
    }

    public static JsonObject Lines(IEnumerable<(string Sku, string Name, int Quantity)> lines) =>
        new() { ["order"] = new JsonObject { ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["sku"] = l.Sku, ["name"] = l.Name, ["quantity"] = l.Quantity })]) } };

    public static JsonObject Shipment(
        string carrier, string service, string trackingNumber, string? trackingUrl, DateOnly? estimatedDelivery, string? description, bool adultSignature) =>
        new()
        {
            ["shipment"] = new JsonObject
            {
                ["carrier"] = carrier,
                ["service"] = service,
                ["tracking_number"] = trackingNumber,
                ["tracking_url"] = trackingUrl,
                ["estimated_delivery"] = estimatedDelivery is { } date ? CustomerEmailQueue.Date(date) : null,
                ["description"] = description,
                ["adult_signature"] = adultSignature,
            },
        };

    public static JsonObject Delay(DateOnly promised, DateOnly estimated) =>
        new() { ["promised"] = CustomerEmailQueue.Date(promised), ["estimated"] = CustomerEmailQueue.Date(estimated) };

    public static JsonObject WeatherHold(string reason, DateOnly? newShipDate) =>
        new() { ["hold"] = new JsonObject { ["reason"] = reason, ["new_ship_date"] = newShipDate is { } date ? CustomerEmailQueue.Date(date) : null } };

    public static JsonObject Cancellation(string reason) => new() { ["cancellation"] = new JsonObject { ["reason"] = reason } };

    public static JsonObject Refund(decimal amount, string currency) =>
        new() { ["refund"] = new JsonObject { ["amount"] = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), ["currency"] = currency } };
}
