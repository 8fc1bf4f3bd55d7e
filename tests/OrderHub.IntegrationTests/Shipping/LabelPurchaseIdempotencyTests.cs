using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Carriers.Simulated;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.BuyLabel;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.TrackingNumbers;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// A carrier that sells the label and then times out before answering is the worst case for a retried job: twenty
/// concurrent retries of one purchase still make one label and one tracking number, and the shipment records it once;
/// each carton gets one SSCC-18, the same whichever retry records it, and no two cartons share one.
/// </summary>
public abstract class LabelPurchaseIdempotencyTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_concurrent_retries_against_a_carrier_that_times_out_after_selling_make_one_label()
    {
        fixture.RequireProvider();
        var shipmentId = await NewShipmentAsync(packages: 2);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => RunAsync(shipmentId, timesOutAfterSelling: true), Ct)));
        outcomes.ShouldAllBe(o => o == "timed out" || o == "recorded"); // every retry reached the desk and none failed otherwise
        await RunAsync(shipmentId, timesOutAfterSelling: false); // the retry after the time-outs
        await RunAsync(shipmentId, timesOutAfterSelling: false); // and a late duplicate of it

        var (shipment, sold) = await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShippingDbContext>();
            var s = await db.Shipments.AsNoTracking().Include(x => x.Packages).SingleAsync(x => x.Id == shipmentId, Ct);
            var labels = await db.Set<SimulatedLabel>().AsNoTracking().Where(l => l.Key == $"shipment:{shipmentId:N}").ToListAsync(Ct);
            return (s, labels);
        });
        var label = sold.ShouldHaveSingleItem().AsPurchased(SimulatedLabelDesk.DemoShipper);
        shipment.Status.ShouldBe(ShipmentStatus.LabelCreated);
        shipment.Packages.OrderBy(p => p.Sequence).Select(p => p.TrackingNumber).ShouldBe(label.TrackingNumbers);
        label.TrackingNumbers.ShouldAllBe(n => TrackingNumberFormat.IsValid(shipment.Carrier!.Value, n));
        label.TrackingNumbers.Distinct().Count().ShouldBe(2);

        // One serial per carton however many retries raced, and the cartons carry exactly those SSCCs.
        var serials = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Set<SsccSerial>().AsNoTracking()
            .Where(s => s.ShipmentId == shipmentId).OrderBy(s => s.PackageSequence).Select(s => s.Id).ToListAsync(Ct));
        serials.Count.ShouldBe(2);
        shipment.Packages.OrderBy(p => p.Sequence).Select(p => p.Sscc).ShouldBe(serials.Select(s => Sscc.Create(0, SimulatedLabelDesk.DemoShipper.Gs1CompanyPrefix, s)));
        shipment.Packages.ShouldAllBe(p => Sscc.IsValid(p.Sscc));
        shipment.Packages.Select(p => p.Sscc).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Cartons_bought_concurrently_get_distinct_valid_ssccs_that_the_api_shows()
    {
        fixture.RequireProvider();
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await NewShipmentAsync(packages: 1 + (i % 3)));
        }

        // Every shipment bought twice at once, all at the same time: sixteen purchases racing for serials.
        var outcomes = await Task.WhenAll(ids.Concat(ids).Select(id => Task.Run(() => RunAsync(id, timesOutAfterSelling: false), Ct)));
        outcomes.ShouldAllBe(o => o == "recorded");

        var client = fixture.App.CreateApiClient();
        var ssccs = new List<string>();
        foreach (var id in ids)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{id}", Ct);
            json.GetProperty("status").GetString().ShouldBe("LabelCreated");
            foreach (var package in json.GetProperty("packages").EnumerateArray())
            {
                var sscc = package.GetProperty("sscc").GetString();
                Sscc.IsValid(sscc).ShouldBeTrue($"{sscc} is not an SSCC-18 with a valid GS1 check digit");
                sscc!.ShouldStartWith("0" + SimulatedLabelDesk.DemoShipper.Gs1CompanyPrefix);
                ssccs.Add(sscc);
            }
        }

        ssccs.Count.ShouldBe(ids.Sum(id => 1 + (ids.IndexOf(id) % 3)));
        ssccs.ShouldBeUnique();

        // The labels print them: GS1-128 data in the ZPL, "(00)" text in the PDF.
        var zpl = await client.GetStringAsync($"/api/v1/shipments/{ids[2]}/label.zpl", Ct);
        var first = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/shipments/{ids[2]}", Ct)).GetProperty("packages")[0].GetProperty("sscc").GetString();
        zpl.ShouldContain("^FD>;>800" + first + "^FS", Case.Sensitive);
        zpl.ShouldContain("(00)" + first, Case.Sensitive);
    }

    [Fact]
    public async Task A_batch_records_every_label_it_bought_and_leaves_one_the_carrier_refused_to_a_step_of_its_own()
    {
        fixture.RequireProvider();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await NewShipmentAsync(packages: 1 + (i % 2)));
        }

        var refused = ids[2];
        await fixture.App.InScopeAsync(async sp =>
        {
            var desks = sp.GetServices<ICarrierLabels>().Select(d => (ICarrierLabels)new RefusesOne(d, $"shipment:{refused:N}")).ToList();
            var handler = new BuyLabelsHandler(Purchases(sp, desks), sp.GetRequiredService<ShippingDbContext>(), NullLogger<BuyLabelsHandler>.Instance);
            await handler.HandleAsync(new BuyLabels([.. ids.Select(id => new LabelToBuy(id))]), Ct);
            return 0;
        });

        var (shipments, steps) = await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShippingDbContext>();
            var found = await db.Shipments.AsNoTracking().Include(x => x.Packages).Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, Ct);
            var queued = await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null && m.Payload.Contains(refused.ToString())).ToListAsync(Ct);
            return (found, queued);
        });
        foreach (var id in ids.Where(id => id != refused))
        {
            shipments[id].Status.ShouldBe(ShipmentStatus.LabelCreated);
            shipments[id].Packages.ShouldAllBe(p => TrackingNumberFormat.IsValid(shipments[id].Carrier!.Value, p.TrackingNumber!) && Sscc.IsValid(p.Sscc));
        }

        shipments.Values.SelectMany(x => x.Packages).Where(p => p.TrackingNumber is not null).Select(p => p.TrackingNumber).ShouldBeUnique();
        shipments[refused].Status.ShouldBe(ShipmentStatus.LabelPending);
        steps.ShouldHaveSingleItem().Type.ShouldContain(nameof(BuyLabel));
        steps[0].Type.ShouldNotContain(nameof(BuyLabels));

        // The step of its own buys it once the carrier takes it again; the batch run again changes nothing.
        await RunAsync(refused, timesOutAfterSelling: false);
        await fixture.App.InScopeAsync(async sp =>
        {
            var handler = new BuyLabelsHandler(Purchases(sp, [.. sp.GetServices<ICarrierLabels>()]), sp.GetRequiredService<ShippingDbContext>(), NullLogger<BuyLabelsHandler>.Instance);
            await handler.HandleAsync(new BuyLabels([.. ids.Select(id => new LabelToBuy(id))]), Ct);
            return 0;
        });
        var labels = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Set<SimulatedLabel>().AsNoTracking()
            .Where(l => ids.Select(id => $"shipment:{id:N}").Contains(l.Key)).CountAsync(Ct));
        labels.ShouldBe(5);
    }

    [Fact]
    public async Task Twenty_concurrent_runs_of_one_batch_at_the_simulated_desk_sell_each_label_once()
    {
        fixture.RequireProvider();
        var batch = Enumerable.Range(0, 5).Select(i => Purchase(packages: 1 + (i % 3))).ToList();
        var soldBefore = await AtDeskAsync(desk => desk.BuyAsync(batch[3], Ct)); // a key of the batch sold alone before

        // The batch step run twenty times at once: one insert wins, the others find their keys sold and get those sales.
        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => AtDeskAsync(desk => desk.BuyAllAsync(batch, Ct)), Ct)));

        var first = runs[0];
        first.Select(s => s.Purchase).ShouldBe(batch);
        first.ShouldAllBe(s => s.Error == null && s.Label != null);
        first[3].Label!.TrackingNumbers.ShouldBe(soldBefore.TrackingNumbers);
        for (var i = 0; i < batch.Count; i++)
        {
            first[i].Label!.TrackingNumbers.Count.ShouldBe(batch[i].Packages.Count);
            first[i].Label!.TrackingNumbers.ShouldAllBe(n => TrackingNumberFormat.IsValid(Carrier.UPS, n));
        }

        first.SelectMany(s => s.Label!.TrackingNumbers).ShouldBeUnique();
        runs.ShouldAllBe(run => run.Select(s => string.Join(' ', s.Label!.TrackingNumbers)).SequenceEqual(first.Select(s => string.Join(' ', s.Label!.TrackingNumbers))));
        var keys = batch.Select(p => p.IdempotencyKey).ToList();
        var rows = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Set<SimulatedLabel>().AsNoTracking().CountAsync(l => keys.Contains(l.Key), Ct));
        rows.ShouldBe(batch.Count);
    }

    [Fact]
    public async Task A_purchase_the_simulated_desk_has_no_rate_for_fails_alone_and_its_batch_is_sold()
    {
        fixture.RequireProvider();
        var batch = new List<LabelPurchase> { Purchase(packages: 1), Purchase(packages: 1, grams: 80_000), Purchase(packages: 2) }; // 176 lb: over UPS's 150

        var sales = await AtDeskAsync(desk => desk.BuyAllAsync(batch, Ct));

        sales.Select(s => s.Purchase).ShouldBe(batch);
        sales[1].Label.ShouldBeNull();
        sales[1].Error.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("UPS has no Ground rate for this shipment.");
        sales[0].Label!.TrackingNumbers.ShouldHaveSingleItem();
        sales[2].Label!.TrackingNumbers.Count.ShouldBe(2);
        sales.Where(s => s.Label != null).SelectMany(s => s.Label!.TrackingNumbers).ShouldAllBe(n => TrackingNumberFormat.IsValid(Carrier.UPS, n));
        var keys = batch.Select(p => p.IdempotencyKey).ToList();
        var sold = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Set<SimulatedLabel>().AsNoTracking()
            .Where(l => keys.Contains(l.Key)).Select(l => l.Key).ToListAsync(Ct));
        sold.ShouldBe([keys[0], keys[2]], ignoreOrder: true);
    }

    private Task<T> AtDeskAsync<T>(Func<ICarrierLabels, Task<T>> act) =>
        fixture.App.InScopeAsync(sp => act(sp.GetServices<ICarrierLabels>().OfType<SimulatedLabelDesk>().Single(d => d.Carrier == Carrier.UPS)));

    private static LabelPurchase Purchase(int packages, int grams = 4500) => new(
        $"desk-test:{Guid.NewGuid():N}", "OH-DESK-TEST", Carrier.UPS, ServiceLevel.Ground, "Napa warehouse", new Address("1 Winery Way", null, "Napa", "CA", "94558", "US"),
        "Dana Reyes", new Address("1 Main St", null, "Portland", "OR", "97201", "US"), [.. Enumerable.Repeat(new ShippingParcel(grams, 30, 20, 20), packages)],
        ContainsAlcohol: true, AdultSignature: true, new DateOnly(2026, 12, 8));

    private Task<Guid> NewShipmentAsync(int packages) => fixture.App.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ShippingDbContext>();
        var boxes = new List<NewShipmentPackage> { new(Guid.NewGuid(), 9000, 37, 26, 22), new(Guid.NewGuid(), 1700, 41, 14, 14), new(Guid.NewGuid(), 4500, 30, 20, 20) };
        var shipment = Shipment.Create(
            new NewShipment(
                Guid.NewGuid(), "OH-LABEL-" + Guid.NewGuid().ToString("N")[..6], Guid.NewGuid(), "NAPA-WH", "order:test", "Dana Reyes",
                new Address("1 Main St", null, "Portland", "OR", "97201", "US"), ServiceLevel.Ground, ContainsAlcohol: true, AdultSignatureRequired: true,
                boxes.Take(packages).ToList(), [(1, "CAB-2021", 7)]),
            DateTimeOffset.UtcNow);
        db.Shipments.Add(shipment);
        await db.SaveChangesAsync(Ct);
        return shipment.Id;
    });

    private Task<string> RunAsync(Guid shipmentId, bool timesOutAfterSelling) => fixture.App.InScopeAsync(async sp =>
    {
        var desks = sp.GetServices<ICarrierLabels>().Select(d => timesOutAfterSelling ? new TimesOutAfterSelling(d) : d).ToList();
        var handler = new BuyLabelHandler(Purchases(sp, desks));
        try
        {
            await handler.HandleAsync(new BuyLabel(shipmentId), Ct);
            return "recorded";
        }
        catch (TimeoutException)
        {
            return "timed out";
        }
    });

    private static LabelPurchases Purchases(IServiceProvider sp, List<ICarrierLabels> desks) => new(
        sp.GetRequiredService<ShippingDbContext>(), sp.GetRequiredService<ISender>(), sp.GetRequiredService<LabelCarrierChoice>(), desks,
        sp.GetRequiredService<Modules.Shipping.Delivery.DeliveryPlanner>(), sp.GetRequiredService<SsccSerials>(), TimeProvider.System,
        NullLogger<LabelPurchases>.Instance);

    /// <summary>A carrier that refuses one purchase (by its key) and sells the others.</summary>
    private sealed class RefusesOne(ICarrierLabels inner, string refusedKey) : ICarrierLabels
    {
        public Carrier Carrier => inner.Carrier;

        public Task<PurchasedLabel> BuyAsync(LabelPurchase purchase, CancellationToken cancellationToken) =>
            purchase.IdempotencyKey == refusedKey
                ? throw new CarrierApiException(Carrier, "ship", System.Net.HttpStatusCode.UnprocessableEntity, "ADDRESS.INVALID", "The recipient address could not be validated")
                : inner.BuyAsync(purchase, cancellationToken);
    }

    /// <summary>The carrier sold the label (the inner desk recorded it) but the answer never arrived.</summary>
    private sealed class TimesOutAfterSelling(ICarrierLabels inner) : ICarrierLabels
    {
        public Carrier Carrier => inner.Carrier;

        public async Task<PurchasedLabel> BuyAsync(LabelPurchase purchase, CancellationToken cancellationToken)
        {
            await inner.BuyAsync(purchase, cancellationToken);
            throw new TimeoutException($"{Carrier} did not answer in time");
        }
    }
}

public sealed class LabelPurchaseIdempotencyTestsOnSqlite(SqliteHostFixture fixture) : LabelPurchaseIdempotencyTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class LabelPurchaseIdempotencyTestsOnPostgres(PostgresHostFixture fixture) : LabelPurchaseIdempotencyTests(fixture), IClassFixture<PostgresHostFixture>;
