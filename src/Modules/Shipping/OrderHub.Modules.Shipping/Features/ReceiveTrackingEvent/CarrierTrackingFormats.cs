using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;

/// <summary>
/// The carriers' own webhook bodies beside the generic one, signed the same way (<see cref="TrackingSignature"/>) and
/// mapped onto <see cref="ReceiveTrackingEventCommand"/>: UPS Track Alert-like and FedEx webhook-like (API.md, carriers.md §7).
/// A code the mapping does not know is 400 naming it.
/// </summary>
internal static class CarrierTrackingFormats
{
    /// <summary>UPS activity status types; M (manifest: the label data reached UPS) is acknowledged and changes nothing.</summary>
    public static readonly IReadOnlyDictionary<string, string?> UpsTypes = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["I"] = "InTransit",
        ["P"] = "InTransit",
        ["O"] = "OutForDelivery",
        ["D"] = "Delivered",
        ["X"] = "Exception",
        ["M"] = null,
    };

    /// <summary>FedEx scan event types.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FedExTypes = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["PU"] = "InTransit",
        ["IT"] = "InTransit",
        ["OD"] = "OutForDelivery",
        ["DL"] = "Delivered",
        ["DE"] = "Exception",
        ["RS"] = "ReturnedToSender",
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/shipping/tracking-events/ups", (HttpRequest request, IOptions<ShippingOptions> options, ISender sender, ShippingDbContext db, CancellationToken ct) =>
                ReceiveAsync(request, options, sender, db, Carrier.UPS, FromUps, ct))
            .AllowAnonymous()
            .WithName("ReceiveUpsTrackingEvent")
            .WithSummary("UPS Track Alert-like scan: { trackingNumber, localActivityDate: yyyyMMdd, localActivityTime: HHmmss, activityStatus: { type: I|D|X|P|M|O, description }, activityLocation: { city, stateProvince } }, signed as the generic tracking webhook.")
            .Produces<TrackingEventReceipt>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/shipping/tracking-events/fedex", (HttpRequest request, IOptions<ShippingOptions> options, ISender sender, ShippingDbContext db, CancellationToken ct) =>
                ReceiveAsync(request, options, sender, db, Carrier.FedEx, FromFedEx, ct))
            .AllowAnonymous()
            .WithName("ReceiveFedExTrackingEvent")
            .WithSummary("FedEx webhook-like scan: { trackingNumber, scanEvent: { eventType: PU|IT|OD|DL|DE|RS, eventDescription, date (ISO 8601), scanLocation: { city, stateOrProvinceCode } } }, signed as the generic tracking webhook.")
            .Produces<TrackingEventReceipt>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A UPS body as a scan; <see cref="Mapped.Status"/> null when the code moves nothing (M).</summary>
    public static Mapped FromUps(JsonElement body)
    {
        var type = CarrierHttp.String(body, "activityStatus", "type");
        if (type is null || !UpsTypes.TryGetValue(type, out var status))
        {
            throw new FormatException($"UPS activity status type '{type}' is not known; expected one of {string.Join(", ", UpsTypes.Keys)}.");
        }

        var date = CarrierHttp.String(body, "localActivityDate");
        var time = CarrierHttp.String(body, "localActivityTime") ?? "000000";
        if (!DateTime.TryParseExact(date + time, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new FormatException($"UPS local activity date and time '{date} {time}' are not yyyyMMdd and HHmmss.");
        }

        return new Mapped(
            CarrierHttp.String(body, "trackingNumber"), status, new DateTimeOffset(at, TimeSpan.Zero), CarrierHttp.String(body, "activityStatus", "description"),
            Place(CarrierHttp.String(body, "activityLocation", "city"), CarrierHttp.String(body, "activityLocation", "stateProvince")));
    }

    public static Mapped FromFedEx(JsonElement body)
    {
        var type = CarrierHttp.String(body, "scanEvent", "eventType");
        if (type is null || !FedExTypes.TryGetValue(type, out var status))
        {
            throw new FormatException($"FedEx scan event type '{type}' is not known; expected one of {string.Join(", ", FedExTypes.Keys)}.");
        }

        var date = CarrierHttp.String(body, "scanEvent", "date");
        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new FormatException($"FedEx scan date '{date}' is not ISO 8601.");
        }

        return new Mapped(
            CarrierHttp.String(body, "trackingNumber"), status, at, CarrierHttp.String(body, "scanEvent", "eventDescription"),
            Place(CarrierHttp.String(body, "scanEvent", "scanLocation", "city"), CarrierHttp.String(body, "scanEvent", "scanLocation", "stateOrProvinceCode")));
    }

    private static async Task<Results<Accepted<TrackingEventReceipt>, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<ShippingOptions> options, ISender sender, ShippingDbContext db, Carrier carrier, Func<JsonElement, Mapped> map, CancellationToken ct)
    {
        if (await TrackingSignature.ReadSignedBodyAsync(request, options.Value.TrackingWebhookSecret!, ct) is not { } body)
        {
            return TypedResults.Unauthorized();
        }

        Mapped scan;
        try
        {
            using var json = JsonDocument.Parse(body);
            scan = json.RootElement.ValueKind == JsonValueKind.Object ? map(json.RootElement) : throw new FormatException("Send a JSON object.");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The body is not a {carrier} tracking event", detail: e.Message);
        }

        if (scan.Status is null)
        {
            // Nothing to apply: answer with the shipment as it is.
            var number = scan.TrackingNumber?.Trim().ToUpperInvariant() ?? string.Empty;
            var shipment = await db.Shipments.AsNoTracking().Where(s => s.Carrier == carrier && s.Packages.Any(p => p.TrackingNumber == number))
                .Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Shipment with tracking number", $"{carrier} {number}");
            return TypedResults.Accepted((string?)null, new TrackingEventReceipt(shipment.Id, shipment.Status.ToString(), false));
        }

        var command = new ReceiveTrackingEventCommand(carrier.ToString(), scan.TrackingNumber, scan.Status, scan.At, scan.Description, scan.Location);
        return TypedResults.Accepted((string?)null, await sender.Send(command, ct));
    }

    private static string? Place(string? city, string? region) =>
        string.Join(", ", new[] { city, region }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } place ? place : null;

    internal sealed record Mapped(string? TrackingNumber, string? Status, DateTimeOffset At, string? Description, string? Location);
}
