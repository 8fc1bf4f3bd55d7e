using Mediator;

namespace OrderHub.Modules.Shipping.Features.GetLabel;

/// <summary>A shipment's labels, one per package, as 4x6 ZPL II for a thermal printer or as PDF.</summary>
internal sealed record GetLabelQuery(Guid ShipmentId, LabelFormat Format) : IQuery<LabelFile>;

internal enum LabelFormat
{
    Zpl,
    Pdf,
}

internal sealed record LabelFile(byte[] Content, string ContentType, string FileName);
