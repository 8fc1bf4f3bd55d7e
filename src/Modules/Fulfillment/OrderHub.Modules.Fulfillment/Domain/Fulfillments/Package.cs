namespace OrderHub.Modules.Fulfillment.Domain.Fulfillments;

/// <summary>One box as packed: which box, its weight with the goods and its outer size (what the carrier bills), and what is in it.</summary>
internal sealed class Package
{
    private Package()
    {
    }

    public Guid Id { get; private set; }

    public Guid FulfillmentId { get; private set; }

    public int Number { get; private set; }

    public string Box { get; private set; } = string.Empty;

    public int WeightGrams { get; private set; }

    public int LengthCm { get; private set; }

    public int WidthCm { get; private set; }

    public int HeightCm { get; private set; }

    public IReadOnlyList<PackageLine> Lines { get; private set; } = [];

    public static Package Of(Guid fulfillmentId, int number, string box, int weightGrams, int lengthCm, int widthCm, int heightCm, IReadOnlyList<PackageLine> lines, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FulfillmentId = fulfillmentId,
        Number = number,
        Box = box,
        WeightGrams = weightGrams,
        LengthCm = lengthCm,
        WidthCm = widthCm,
        HeightCm = heightCm,
        Lines = lines,
    };
}

internal sealed record PackageLine(string Sku, int Quantity);
