using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Packing.Cartonization;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.PackFulfillment;

/// <summary>
/// Packs a picked fulfillment: the packages the bench reports (a weight left out is computed from the products and the
/// box), or the <see cref="Cartonizer"/>'s cheapest boxes for the lane. Saved with the announcement Shipping buys labels
/// from and Orders follows.
/// </summary>
internal sealed partial class PackFulfillmentHandler(
    FulfillmentDbContext db, ISender sender, Cartonizer cartonizer, RateCardCostEstimator rates, BoxCatalog boxes, TimeProvider clock, ILogger<PackFulfillmentHandler> logger)
    : ICommandHandler<PackFulfillmentCommand, FulfillmentDto>
{
    /// <summary>A 750 ml bottle travels in a wine shipper; larger formats and everything else go in general boxes.</summary>
    private const int ShipperBottleMl = 750;

    public async ValueTask<FulfillmentDto> Handle(PackFulfillmentCommand command, CancellationToken cancellationToken)
    {
        var fulfillment = await db.Fulfillments.Include(f => f.Lines).Include(f => f.Packages).AsSplitQuery().SingleOrDefaultAsync(f => f.Id == command.FulfillmentId, cancellationToken)
            ?? throw new NotFoundException("Fulfillment", command.FulfillmentId.ToString());
        var order = await db.OrdersToFulfill.AsNoTracking().SingleAsync(o => o.OrderId == fulfillment.OrderId, cancellationToken);
        var picked = fulfillment.PickedBySku();
        var skus = picked.Keys.Concat((command.Packages ?? []).SelectMany(p => p.Lines ?? []).Select(l => l.Sku!.Trim())).Distinct(StringComparer.Ordinal).ToList();
        var products = (await sender.Send(new GetProductsBySkuQuery(skus), cancellationToken)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        await rates.RefreshAsync(sender, cancellationToken); // boxes are chosen at Shipping's current rates
        var packages = command.Packages is { Count: > 0 } reported
            ? [.. reported.Select((p, i) => AsPacked(fulfillment.Id, i + 1, p, products, now))]
            : Choose(fulfillment, order.ShipTo, picked, products, now);

        fulfillment.Pack(packages, now);
        db.AddIntegrationEvent(new FulfillmentPackedIntegrationEvent(
            fulfillment.OrderId, fulfillment.OrderNumber, fulfillment.Id, fulfillment.LocationCode, fulfillment.OriginPostalCode,
            [.. packages.Select(p => new PackedParcel(p.Id, p.Box, p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm))], command.Actor,
            fulfillment.ReservationKey ?? order.StockReservationKey, order.RecipientName, order.ShipTo, order.ShippingService,
            ContainsAlcohol: picked.Any(p => p.Value > 0 && products.TryGetValue(p.Key, out var product) && product.IsAlcohol),
            order.AdultSignatureRequired,
            [.. fulfillment.Lines.Where(l => l.PickedQuantity > 0).OrderBy(l => l.LineNumber).Select(l => new PackedOrderLine(l.LineNumber, l.Sku, l.PickedQuantity))],
            command.ShipOn));
        LogPacked(fulfillment.OrderNumber, fulfillment.LocationCode, packages.Count, string.Join(", ", packages.Select(p => p.Box)), command.Actor);
        return FulfillmentDto.From(fulfillment);
    }

    private List<Package> Choose(
        Domain.Fulfillments.Fulfillment fulfillment, Address shipTo, IReadOnlyDictionary<string, int> picked, Dictionary<string, ProductInfoDto> products, DateTimeOffset now)
    {
        var items = picked.Where(p => p.Value > 0).Select(p =>
        {
            var product = products.GetValueOrDefault(p.Key);
            return new PackItem(p.Key, p.Value, product?.WeightGrams ?? 0, product is { IsAlcohol: true, VolumeMl: <= ShipperBottleMl });
        }).ToList();
        var result = cartonizer.Pack(items, new Lane(fulfillment.OriginPostalCode, shipTo.PostalCode, shipTo.Region));
        return [.. result.Packages.Select((p, i) => Package.Of(
            fulfillment.Id, i + 1, p.BoxCode, p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm, [.. p.Lines.Select(l => new PackageLine(l.Sku, l.Quantity))], now))];
    }

    private Package AsPacked(Guid fulfillmentId, int number, PackageRequest request, Dictionary<string, ProductInfoDto> products, DateTimeOffset now)
    {
        var code = string.IsNullOrWhiteSpace(request.Box) ? Cartonizer.OwnPackaging : request.Box.Trim().ToUpperInvariant();
        var box = boxes.Boxes.FirstOrDefault(b => b.Code == code);
        if (box is null && code != Cartonizer.OwnPackaging)
        {
            throw new BusinessRuleViolationException("BoxMustExist",
                $"Box '{request.Box}' is not in the catalog ({string.Join(", ", boxes.Boxes.Select(b => b.Code))}, or {Cartonizer.OwnPackaging} for the product's own packaging).");
        }

        var lines = (request.Lines ?? []).GroupBy(l => l.Sku!.Trim(), StringComparer.Ordinal).Select(g => new PackageLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        var weight = request.WeightGrams ?? ((box?.TareGrams ?? 0) + lines.Sum(l => (products.GetValueOrDefault(l.Sku)?.WeightGrams ?? 0) * l.Quantity));
        var outer = box?.Outer ?? default;
        return Package.Of(fulfillmentId, number, code, weight, outer.LengthCm, outer.WidthCm, outer.HeightCm, lines, now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderNumber} packed at {LocationCode}: {Packages} package(s) ({Boxes}) ({Actor})")]
    private partial void LogPacked(string orderNumber, string locationCode, int packages, string boxes, string actor);
}
