using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Inventory.Domain.Catalog;
using OrderHub.Modules.Inventory.Domain.Locations;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.DemoData;

/// <summary>A small Napa winery: nine wines in 750 ml and 1.5 l, two warehouses and a tasting room with bins and lots.</summary>
internal sealed class InventoryDemoDataSeeder(InventoryDbContext db, TimeProvider clock, ILogger<InventoryDemoDataSeeder> logger) : IDemoDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Products.AddRange(Catalog());
        var locations = Locations();
        db.Locations.AddRange(locations);
        var opening = OpeningStock();
        db.StockItems.AddRange(opening);
        var now = clock.GetUtcNow();
        db.StockMovements.AddRange(opening.Select(s =>
            StockMovement.Record(StockMovementType.Receipt, new StockKey(s.Sku, s.LocationCode, s.BinCode, s.Lot), s.OnHand, "opening-stock", now)));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo winery: {Products} products at {Locations} locations", Catalog().Count, locations.Count);
    }

    internal static List<Product> Catalog() =>
    [
        Wine("CAB-2019-750", "Oak Knoll Cabernet Sauvignon 2019", 65m, "Cabernet Sauvignon", 2019, "Napa Valley", 750, 12, 14.5m),
        Wine("CAB-2020-750", "Oak Knoll Cabernet Sauvignon 2020", 68m, "Cabernet Sauvignon", 2020, "Napa Valley", 750, 12, 14.4m),
        Wine("CAB-2019-1500", "Oak Knoll Cabernet Sauvignon 2019 Magnum", 140m, "Cabernet Sauvignon", 2019, "Napa Valley", 1500, 6, 14.5m),
        Wine("CHD-2022-750", "Carneros Chardonnay 2022", 38m, "Chardonnay", 2022, "Los Carneros", 750, 12, 13.5m),
        Wine("CHD-2023-750", "Carneros Chardonnay 2023", 40m, "Chardonnay", 2023, "Los Carneros", 750, 12, 13.6m),
        Wine("PN-2021-750", "Russian River Pinot Noir 2021", 52m, "Pinot Noir", 2021, "Russian River Valley", 750, 12, 13.9m),
        Wine("PN-2021-1500", "Russian River Pinot Noir 2021 Magnum", 110m, "Pinot Noir", 2021, "Russian River Valley", 1500, 6, 13.9m),
        Wine("SB-2023-750", "Estate Sauvignon Blanc 2023", 28m, "Sauvignon Blanc", 2023, "Napa Valley", 750, 12, 13.2m),
        Wine("BRUT-NV-750", "Brut Sparkling NV", 45m, "Chardonnay/Pinot Noir", null, "North Coast", 750, 12, 12.0m),
        ClubSixPack(),
        Product.Create("OPENER-01", "Waiter's Corkscrew", 18m, "USD", 120, isAlcohol: false, wine: null),
    ];

    /// <summary>A club release kit: two each of three wines.</summary>
    private static Product ClubSixPack()
    {
        var kit = Product.Create("CLUB-6-2024", "Club Release Six-Pack", 280m, "USD", 8600, isAlcohol: true, wine: null);
        kit.AddComponent("CAB-2019-750", 2);
        kit.AddComponent("CHD-2022-750", 2);
        kit.AddComponent("BRUT-NV-750", 2);
        return kit;
    }

    private static Product Wine(string sku, string name, decimal price, string varietal, int? vintage, string appellation, int volumeMl, int perCase, decimal abv) =>
        Product.Create(sku, name, price, "USD", volumeMl == 1500 ? 2600 : 1400, isAlcohol: true,
            new WineAttributes(varietal, vintage, appellation, volumeMl, perCase, abv));

    private static List<Location> Locations()
    {
        var napa = Location.Create("NAPA-WH", "Napa Warehouse", LocationType.Warehouse,
            new Address("1200 Vineyard Ave", null, "Napa", "CA", "94558", "US"), shipsToConsumers: true);
        var reno = Location.Create("RENO-WH", "Reno Fulfillment Center", LocationType.Warehouse,
            new Address("55 Logistics Way", null, "Reno", "NV", "89502", "US"), shipsToConsumers: true);
        var room = Location.Create("TASTING-ROOM", "Yountville Tasting Room", LocationType.Store,
            new Address("6500 Washington St", null, "Yountville", "CA", "94599", "US"), shipsToConsumers: false);
        foreach (var bin in new[] { "A-01-1", "A-01-2", "A-02-1", "B-01-1", "B-01-2" })
        {
            napa.AddBin(bin);
        }

        foreach (var bin in new[] { "R-01-1", "R-01-2", "R-02-1" })
        {
            reno.AddBin(bin);
        }

        room.AddBin("FLOOR");
        room.AddBin("BACK");
        return [napa, reno, room];
    }

    /// <summary>The day the demo's opening stock was counted in (pick lists take older lots first).</summary>
    private static readonly DateOnly OpeningDay = new(2026, 11, 2);

    private static List<StockItem> OpeningStock() =>
    [
        StockItem.Receive("CAB-2019-750", "NAPA-WH", "A-01-1", "L2021-031", 240, OpeningDay),
        StockItem.Receive("CAB-2019-750", "NAPA-WH", "A-01-2", "L2021-044", 120, OpeningDay),
        StockItem.Receive("CAB-2020-750", "NAPA-WH", "A-02-1", "L2022-012", 300, OpeningDay),
        StockItem.Receive("CAB-2019-1500", "NAPA-WH", "B-01-1", "L2021-050", 36, OpeningDay),
        StockItem.Receive("CHD-2022-750", "NAPA-WH", "B-01-2", "L2023-007", 180, OpeningDay),
        StockItem.Receive("CHD-2023-750", "RENO-WH", "R-01-1", "L2024-003", 240, OpeningDay),
        StockItem.Receive("PN-2021-750", "RENO-WH", "R-01-2", "L2022-020", 144, OpeningDay),
        StockItem.Receive("PN-2021-1500", "RENO-WH", "R-02-1", "L2022-021", 24, OpeningDay),
        StockItem.Receive("SB-2023-750", "RENO-WH", "R-01-1", "L2024-010", 200, OpeningDay),
        StockItem.Receive("BRUT-NV-750", "NAPA-WH", "A-02-1", "L2023-B01", 96, OpeningDay),
        StockItem.Receive("CAB-2019-750", "TASTING-ROOM", "FLOOR", "L2021-031", 24, OpeningDay),
        StockItem.Receive("CHD-2023-750", "TASTING-ROOM", "FLOOR", "L2024-003", 36, OpeningDay),
        StockItem.Receive("BRUT-NV-750", "TASTING-ROOM", "BACK", "L2023-B01", 24, OpeningDay),
        StockItem.Receive("OPENER-01", "TASTING-ROOM", "FLOOR", string.Empty, 50, OpeningDay),
    ];
}
