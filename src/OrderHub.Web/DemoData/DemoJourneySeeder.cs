using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Fulfillment.Features.ConfirmPicks;
using OrderHub.Modules.Fulfillment.Features.CreatePickList;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Features.PackFulfillment;
using OrderHub.Modules.Orders.Domain.Orders;
using OrderHub.Modules.Orders.Features.CancelOrder;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Persistence;
using OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.DemoData;

/// <summary>
/// Orders at every stage of the journey for a first run, made the way staff and web stores make them (the same
/// commands as the API, then the outbox dispatched as the background service would): delivered and in transit (labels
/// bought, carrier scans in), packed with a label, a club shipment packed ahead for its day, on an open pick list,
/// sourced and waiting, on hold (age unverified, card declined), cancelled, and a tasting-room carry-out delivered.
/// Runs after the modules' own demo data, and only while there is no order at all (and <c>OrderHub:DemoData:Orders</c>
/// is not false).
/// </summary>
internal sealed partial class DemoJourneySeeder(
    OrdersDbContext orders, ISender sender, OutboxDispatcher outbox, IOptions<DemoDataOptions> options, TimeProvider clock, ILogger<DemoJourneySeeder> logger) : IDemoDataSeeder
{
    private const string Actor = "system:demo";

    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Orders || await orders.Orders.AnyAsync(cancellationToken))
        {
            return;
        }

        // Oldest first: a wave takes a location's oldest open work, so what is packed is placed before what is picked.
        var delivered = await PlaceAsync("ada@example.com", "Ada", "CA", "Healdsburg", "95448", "PN-2021-750", 2, cancellationToken);
        var inTransit = await PlaceAsync("donald@example.com", "Donald", "CA", "San Diego", "92101", "CHD-2022-750", 3, cancellationToken);
        // The wine club's six bottles, packed ahead to ship on the club's day: no label until then (or a staff release).
        var clubMember = await PlaceAsync("katherine@example.com", "Katherine", "CA", "Santa Rosa", "95404", "CAB-2020-750", 6, cancellationToken);
        var clubDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(14);
        var packed = new[]
        {
            delivered,
            inTransit,
            await PlaceAsync("grace@example.com", "Grace", "CA", "Sonoma", "95476", "CAB-2019-750", 3, cancellationToken),
            await PlaceAsync("linus@example.com", "Linus", "NV", "Reno", "89501", "PN-2021-750", 6, cancellationToken),
            clubMember,
        };
        await SettleAsync(cancellationToken);
        foreach (var location in await LocationsOfAsync(packed, cancellationToken))
        {
            var list = await sender.Send(new CreatePickListCommand { LocationCode = location, IdempotencyKey = $"demo-wave-{location}-1", Actor = "staff:picker@orderhub.local" }, cancellationToken);
            await sender.Send(new ConfirmPicksCommand { PickListId = list.Id, Items = [], Actor = "staff:picker@orderhub.local" }, cancellationToken);
        }

        await SettleAsync(cancellationToken);
        foreach (var fulfillment in await FulfillmentsOfAsync(packed, cancellationToken))
        {
            await sender.Send(
                new PackFulfillmentCommand
                {
                    FulfillmentId = fulfillment.Id,
                    IdempotencyKey = $"demo-pack-{fulfillment.Id:N}",
                    Actor = "staff:packer@orderhub.local",
                    ShipOn = fulfillment.OrderId == clubMember ? clubDay : null,
                },
                cancellationToken);
        }

        await SettleAsync(cancellationToken); // Shipping buys the packed orders' labels
        await ScanAsync(inTransit, [("InTransit", 3, "Departed shipper facility")], cancellationToken);
        await ScanAsync(delivered, [("InTransit", 26, "Departed shipper facility"), ("OutForDelivery", 6, "Out for delivery"), ("Delivered", 2, "Delivered: signed by adult (21+ ID checked)")], cancellationToken);
        await SettleAsync(cancellationToken); // the sales complete: stock committed, payments captured

        var picking = await PlaceAsync("margaret@example.com", "Margaret", "CA", "Palo Alto", "94301", "CHD-2022-750", 2, cancellationToken);
        await SettleAsync(cancellationToken);
        foreach (var location in await LocationsOfAsync([picking], cancellationToken))
        {
            await sender.Send(new CreatePickListCommand { LocationCode = location, IdempotencyKey = $"demo-wave-{location}-2", Actor = "staff:picker@orderhub.local" }, cancellationToken);
        }

        await PlaceAsync("alan@example.com", "Alan", "OR", "Portland", "97201", "CAB-2020-750", 2, cancellationToken);
        await PlaceAsync("barbara@example.com", "Barbara", "WA", "Seattle", "98101", "SB-2023-750", 4, cancellationToken);
        await PlaceAsync("edsger@example.com", "Edsger", "CA", "San Jose", "95112", "CAB-2019-750", 1, cancellationToken, dateOfBirth: null);
        await PlaceAsync("frances@example.com", "Frances", "OR", "Eugene", "97401", "CHD-2023-750", 2, cancellationToken, token: "tok_chargeDeclined");
        var cancelled = await PlaceAsync("ken@example.com", "Ken", "CA", "Berkeley", "94704", "BRUT-NV-750", 2, cancellationToken);
        await sender.Send(new CancelOrderCommand(cancelled, "Customer changed their mind (demo)", "staff:service@orderhub.local"), cancellationToken);
        await PlaceAsync("dennis@example.com", "Dennis", "CA", "Napa", "94558", "CAB-2019-750", 2, cancellationToken, channel: "Pos", shippingService: "Pickup");
        await SettleAsync(cancellationToken);
        LogSeeded(await orders.Orders.CountAsync(cancellationToken));
    }

    private async Task<Guid> PlaceAsync(
        string email, string firstName, string region, string city, string postalCode, string sku, int quantity, CancellationToken cancellationToken,
        string? dateOfBirth = "1980-04-12", string token = "tok_visa", string channel = "Web", string shippingService = "Ground")
    {
        var body = new
        {
            channel,
            externalReference = $"DEMO-{email.Split('@')[0].ToUpperInvariant()}",
            customer = new { email, firstName, lastName = "Demo", dateOfBirth },
            shippingAddress = new { line1 = "1 Vineyard Way", city, region, postalCode, country = "US" },
            shippingService,
            lines = new[] { new { sku, quantity } },
            payment = new { method = "Card", token },
        };
        var request = JsonSerializer.Deserialize<PlaceOrderRequest>(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        var placed = await sender.Send(new PlaceOrderCommand(new ReceiveOrderCommand(request, $"demo-{email}", Actor)), cancellationToken);
        return placed.OrderId;
    }

    /// <summary>
    /// The carrier's scans of an order's shipment, each <c>HoursAgo</c> before now, as its webhook delivers them. A
    /// shipment without a label (wine held for the season's weather at its destination) has none: it shows that stage.
    /// </summary>
    private async Task ScanAsync(Guid orderId, IReadOnlyList<(string Status, int HoursAgo, string Description)> scans, CancellationToken cancellationToken)
    {
        var shipment = await orders.Set<OrderShipment>().AsNoTracking().FirstOrDefaultAsync(s => s.OrderId == orderId, cancellationToken);
        if (shipment is null)
        {
            return;
        }

        foreach (var (status, hoursAgo, description) in scans)
        {
            await sender.Send(
                new ReceiveTrackingEventCommand(shipment.Carrier, shipment.TrackingNumber, status, DateTimeOffset.UtcNow.AddHours(-hoursAgo), description, "Napa, CA"),
                cancellationToken);
        }
    }

    /// <summary>What the background dispatcher does within seconds: events to the modules, their steps, their answers.</summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var sweep = 0; sweep < 6 && await outbox.DispatchPendingAsync(cancellationToken) > 0; sweep++)
        {
        }
    }

    private async Task<List<FulfillmentDto>> FulfillmentsOfAsync(IEnumerable<Guid> orderIds, CancellationToken cancellationToken)
    {
        var all = new List<FulfillmentDto>();
        foreach (var id in orderIds)
        {
            all.AddRange(await sender.Send(new GetOrderFulfillmentsQuery(id), cancellationToken));
        }

        return all;
    }

    private async Task<List<string>> LocationsOfAsync(IEnumerable<Guid> orderIds, CancellationToken cancellationToken) =>
        [.. (await FulfillmentsOfAsync(orderIds, cancellationToken)).Where(f => f.Type == "Warehouse").Select(f => f.LocationCode).Distinct(StringComparer.Ordinal)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo journey seeded: {Orders} order(s) at every stage from on hold to delivered")]
    private partial void LogSeeded(int orders);
}
