namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>What picking assumes until the catalog says otherwise.</summary>
internal static class PickingDefaults
{
    /// <summary>Bottles in a case of wine: how quantities are printed ("1 cs + 2 btl").</summary>
    public const int UnitsPerCase = 12;
}
