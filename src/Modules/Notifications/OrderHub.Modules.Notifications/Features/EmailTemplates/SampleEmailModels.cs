using System.Text.Json.Nodes;
using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Features.CustomerEmails;

namespace OrderHub.Modules.Notifications.Features.EmailTemplates;

/// <summary>A sample order for the editor's preview: every value the type's real email has (built by <see cref="EmailModels"/>).</summary>
internal static class SampleEmailModels
{
    private static readonly DateOnly Estimated = new(2026, 12, 10);

    public static JsonObject For(CustomerEmailType type)
    {
        var shipment = EmailModels.Shipment(
            "UPS", "UPS Ground", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784", Estimated,
            type == CustomerEmailType.MissedDelivery ? "Adult signature required: nobody 21 or older was home" : null, adultSignature: true);
        var model = type switch
        {
            CustomerEmailType.OrderReceived or CustomerEmailType.OrderConfirmed =>
                EmailModels.Lines([("NAPA-CAB-2021-750", "Napa Valley Cabernet Sauvignon 2021, 750 ml", 2), ("SON-CHARD-2023-750", "Sonoma Coast Chardonnay 2023, 750 ml", 1)]),
            CustomerEmailType.Shipped or CustomerEmailType.OutForDelivery or CustomerEmailType.Delivered or CustomerEmailType.MissedDelivery => shipment,
            CustomerEmailType.Delayed => With(shipment, "delay", EmailModels.Delay(Estimated, Estimated.AddDays(4))),
            CustomerEmailType.WeatherHold => EmailModels.WeatherHold("a high of 97°F in Phoenix, AZ on Tuesday; we check again daily", Estimated.AddDays(-2)),
            CustomerEmailType.Cancelled => EmailModels.Cancellation("the customer asked"),
            CustomerEmailType.RefundIssued => EmailModels.Refund(54.90m, "USD"),
            _ => [],
        };
        return model;
    }

    private static JsonObject With(JsonObject model, string name, JsonObject value)
    {
        model[name] = value;
        return model;
    }
}
