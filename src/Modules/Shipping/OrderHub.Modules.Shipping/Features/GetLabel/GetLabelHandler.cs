using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Labels;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.GetLabel;

/// <summary>
/// Renders a shipment's labels from what was bought (carrier, service, each package's tracking number), so a reprint
/// is always the same label; a shipment still waiting for its label, or voided, has none (409).
/// </summary>
internal sealed class GetLabelHandler(ShippingDbContext db, ISender sender) : IQueryHandler<GetLabelQuery, LabelFile>
{
    public async ValueTask<LabelFile> Handle(GetLabelQuery query, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().Include(s => s.Packages).SingleOrDefaultAsync(s => s.Id == query.ShipmentId, cancellationToken)
            ?? throw new NotFoundException("Shipment", query.ShipmentId.ToString());
        if (shipment.Status is ShipmentStatus.LabelPending or ShipmentStatus.Voided)
        {
            throw new ConflictException($"Shipment {shipment.Id} of order {shipment.OrderNumber} is {shipment.Status}: it has no label to print.");
        }

        var origin = await sender.Send(new GetLocationAddressQuery(shipment.LocationCode), cancellationToken)
            ?? throw new NotFoundException("Location", shipment.LocationCode);
        var packages = shipment.Packages.OrderBy(p => p.Sequence).ToList();
        var labels = packages.Select(p => new LabelContent(
                shipment.Carrier!.Value, shipment.ServiceName!, p.TrackingNumber!, p.Sequence, packages.Count, p.WeightGrams, origin.Name, origin.Address,
                shipment.RecipientName, shipment.ShipTo, shipment.ShipDate!.Value, shipment.AdultSignatureRequired, shipment.OrderNumber, shipment.ContainsAlcohol, p.Sscc))
            .ToList();
        var name = $"{shipment.OrderNumber}-{shipment.TrackingNumber}";
        return query.Format == LabelFormat.Zpl
            ? new LabelFile(Encoding.UTF8.GetBytes(ZplLabel.Render(labels)), "application/zpl", $"{name}.zpl")
            : new LabelFile(PdfLabel.Render(labels), "application/pdf", $"{name}.pdf");
    }
}
