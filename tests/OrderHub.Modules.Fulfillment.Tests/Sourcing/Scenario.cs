using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Tests.Sourcing;

/// <summary>Builders for sourcing tests: an order to Dallas, TX (ZIP 75201) and locations around the country.</summary>
internal static class Scenario
{
    public const int BottleGrams = 1_400;

    public static readonly IShippingCostEstimator Estimator = new ZoneAndWeightCostEstimator();

    public static readonly string[] AllStates = ["CA", "TX", "NY", "OR", "WA"];

    public static SourcingPlanner Planner(decimal splitPenalty = 3.00m, params ISourcingRule[] rules) => new(Estimator, new SourcingPolicy(splitPenalty, rules));

    public static SourcingLine Line(int number, string sku, int quantity, bool alcohol = true, int grams = BottleGrams) =>
        new(number, sku, quantity, grams, alcohol);

    public static CandidateLocation Location(
        string code,
        string zip,
        string stock,
        LocationKind kind = LocationKind.Warehouse,
        string[]? licensedFor = null,
        bool shipsToConsumers = true,
        decimal handling = 2.00m,
        int? remainingToday = null,
        bool pastCutOff = false) =>
        new(code, kind, zip, shipsToConsumers, new HashSet<string>(licensedFor ?? AllStates), Stock(stock), handling, remainingToday, pastCutOff);

    /// <summary>"CAB:6 MER:2" → units per SKU.</summary>
    public static Dictionary<string, int> Stock(string stock) =>
        stock.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

    public static SourcingRequest Order(SourcingLine[] lines, CandidateLocation[] locations, string? channel = null, string region = "TX", string zip = "75201", bool allowNextDay = false) =>
        new(lines, new Destination(region, zip, "US"), channel, locations, allowNextDay);

    /// <summary>What one shipment of these bottles from a location costs, priced independently of the planner.</summary>
    public static decimal ShipmentCost(CandidateLocation from, int bottles, bool alcohol = true, string zip = "75201", string region = "TX") =>
        Estimator.Estimate(new Lane(from.PostalCode, zip, region), new Parcel(bottles * BottleGrams), alcohol) + from.HandlingCost;

    public static string Summary(this SourcingPlan plan) =>
        string.Join(" + ", plan.Shipments.Select(s => $"{s.LocationCode}[{string.Join(",", s.Lines.Select(l => $"{l.LineNumber}:{l.Sku}x{l.Quantity}"))}]"));
}
