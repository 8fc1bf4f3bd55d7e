namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>
/// One carton's SSCC serial reference: the row number (<see cref="Id"/>, an identity column) is the serial, so two
/// cartons never share one and none is lost between two saves. One row per (shipment, package), under a unique index:
/// twenty concurrent label purchases of one shipment make one row per package, and all read the same serials.
/// </summary>
internal sealed class SsccSerial
{
    private SsccSerial()
    {
    }

    public SsccSerial(Guid shipmentId, int packageSequence, DateTimeOffset assignedAt) =>
        (ShipmentId, PackageSequence, AssignedAt) = (shipmentId, packageSequence, assignedAt);

    /// <summary>The serial reference of the SSCC (from 1).</summary>
    public long Id { get; private set; }

    public Guid ShipmentId { get; private set; }

    /// <summary>The package's 1-based sequence in its shipment.</summary>
    public int PackageSequence { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }
}
