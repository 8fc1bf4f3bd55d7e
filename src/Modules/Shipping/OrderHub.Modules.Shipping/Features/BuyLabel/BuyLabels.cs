using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Shipping.Features.BuyLabel;

/// <summary>
/// Buy a batch of labels in one step (<see cref="BuyLabelsHandler"/>): a club release queues its thousands of labels in
/// batches, each a step, a transaction and a save for all its shipments instead of one per label.
/// </summary>
/// <param name="Labels">The shipments (and label generations) of the batch.</param>
internal sealed record BuyLabels(IReadOnlyList<LabelToBuy> Labels) : InternalCommand, IPacedBulkStep
{
    /// <summary>Most labels in one batch: the carriers are asked side by side, so a batch is also that many requests at once.</summary>
    public const int MaxBatch = 25;
}
