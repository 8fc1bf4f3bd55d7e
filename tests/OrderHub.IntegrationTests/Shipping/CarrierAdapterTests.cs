using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Carriers.FedEx;
using OrderHub.Modules.Shipping.Carriers.Ups;
using Shouldly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// The UPS and FedEx REST adapters against recorded answers served by WireMock.Net on a loopback port: token and rate,
/// the token kept for the next call, an error body turned into an exception naming the carrier and its message, a Ship
/// call's tracking numbers, and a carrier that times out while <c>POST /api/v1/shipping/rates</c> still answers in time.
/// </summary>
public sealed class CarrierAdapterTests : IDisposable
{
    public const string UpsToken = """
        { "token_type": "Bearer", "issued_at": "1733389200000", "client_id": "ups-client", "access_token": "ups-token-1", "expires_in": "14399", "status": "approved" }
        """;

    public const string UpsShop = """
        { "RateResponse": {
            "Response": { "ResponseStatus": { "Code": "1", "Description": "Success" },
              "Alert": [ { "Code": "110971", "Description": "Your invoice may vary from the displayed reference rates" } ] },
            "RatedShipment": [
              { "Service": { "Code": "03", "Description": "" }, "BillingWeight": { "UnitOfMeasurement": { "Code": "LBS" }, "Weight": "20.0" },
                "TransportationCharges": { "CurrencyCode": "USD", "MonetaryValue": "16.12" },
                "ServiceOptionsCharges": { "CurrencyCode": "USD", "MonetaryValue": "9.25" },
                "TotalCharges": { "CurrencyCode": "USD", "MonetaryValue": "25.37" }, "GuaranteedDelivery": { "BusinessDaysInTransit": "4" } },
              { "Service": { "Code": "02" }, "TotalCharges": { "CurrencyCode": "USD", "MonetaryValue": "48.90" },
                "NegotiatedRateCharges": { "TotalCharge": { "CurrencyCode": "USD", "MonetaryValue": "44.15" } }, "GuaranteedDelivery": { "BusinessDaysInTransit": "2" } },
              { "Service": { "Code": "01" }, "TotalCharges": { "CurrencyCode": "USD", "MonetaryValue": "92.15" } },
              { "Service": { "Code": "12" }, "TotalCharges": { "CurrencyCode": "USD", "MonetaryValue": "38.02" } }
            ] } }
        """;

    public const string UpsError = """
        { "response": { "errors": [ { "code": "111285", "message": "The postal code 99999 is invalid for NY United States." } ] } }
        """;

    public const string FedExToken = """
        { "access_token": "fedex-token-1", "token_type": "bearer", "expires_in": 3599, "scope": "CXS" }
        """;

    public const string FedExQuotes = """
        { "transactionId": "624deea6-b709-470c-8c39-4b5511281492",
          "output": { "rateReplyDetails": [
            { "serviceType": "FEDEX_GROUND", "serviceName": "FedEx Ground", "packagingType": "YOUR_PACKAGING",
              "ratedShipmentDetails": [
                { "rateType": "ACCOUNT", "ratedWeightMethod": "ACTUAL", "totalNetCharge": 23.81, "currency": "USD",
                  "shipmentRateDetail": { "rateZone": "8", "dimDivisor": 139, "fuelSurchargePercent": 20.25, "surCharges": [ { "type": "ADULT_SIGNATURE", "amount": 9.1 } ] } },
                { "rateType": "LIST", "totalNetCharge": 27.4, "currency": "USD" } ],
              "commit": { "transitDays": { "minimumTransitTime": "FIVE_DAYS" } } },
            { "serviceType": "FEDEX_2_DAY", "ratedShipmentDetails": [ { "rateType": "LIST", "totalNetCharge": 51.2, "currency": "USD" } ] },
            { "serviceType": "FEDEX_EXPRESS_SAVER", "ratedShipmentDetails": [ { "rateType": "LIST", "totalNetCharge": 40.0, "currency": "USD" } ] }
          ] } }
        """;

    public const string FedExError = """
        { "transactionId": "f5a6c0a4-7e63-4b5e-9b0a-2c3f1f5b4c11", "errors": [ { "code": "SHIPPER.ACCOUNT.REQUIRED", "message": "The shipper account is required for alcohol shipments." } ] }
        """;

    private static readonly Address Napa = new("1200 Vineyard Ave", null, "Napa", "CA", "94558", "US");
    private static readonly Address Manhattan = new("200 W 79th St", "Apt 4", "New York", "NY", "10024", "US");
    private static readonly RateRequest Wine = new(Napa, Manhattan, [new ShippingParcel(8754, 37, 26, 22)], ContainsAlcohol: true, AdultSignature: false);

    private readonly WireMockServer _server = WireMockServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ups_gets_a_token_rates_every_service_it_sells_and_reuses_the_token()
    {
        Serve("/security/v1/oauth/token", 200, UpsToken);
        Serve("/api/rating/v2409/Shop", 200, UpsShop);
        var ups = Ups();

        var rates = await ups.RateAsync(Wine with { AdultSignature = true }, Ct);
        await ups.RateAsync(Wine with { AdultSignature = true }, Ct);

        rates.ShouldBe(
        [
            new CarrierRate(Carrier.UPS, ServiceLevel.Ground, "UPS Ground", 25.37m, "USD", 4),
            new CarrierRate(Carrier.UPS, ServiceLevel.TwoDay, "UPS 2nd Day Air", 44.15m, "USD", 2), // the negotiated rate
            new CarrierRate(Carrier.UPS, ServiceLevel.Overnight, "UPS Next Day Air", 92.15m, "USD", 1),
        ]);
        Calls("/security/v1/oauth/token").ShouldHaveSingleItem().Headers!["Authorization"].ShouldHaveSingleItem()
            .ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ups-client:ups-secret")));
        var shop = Calls("/api/rating/v2409/Shop");
        shop.Count.ShouldBe(2);
        shop[0].Headers!["Authorization"].ShouldHaveSingleItem().ShouldBe("Bearer ups-token-1");
        var shipment = JsonDocument.Parse(shop[0].Body!).RootElement.GetProperty("RateRequest").GetProperty("Shipment");
        shipment.GetProperty("Shipper").GetProperty("ShipperNumber").GetString().ShouldBe("A1B2C3");
        shipment.GetProperty("ShipTo").GetProperty("Address").GetProperty("PostalCode").GetString().ShouldBe("10024");
        shipment.GetProperty("ShipmentServiceOptions").GetProperty("RestrictedArticles").TryGetProperty("AlcoholicBeveragesIndicator", out _).ShouldBeTrue();
        var package = shipment.GetProperty("Package")[0];
        package.GetProperty("PackageWeight").GetProperty("Weight").GetString().ShouldBe("19.3");
        package.GetProperty("Dimensions").GetProperty("Length").GetString().ShouldBe("15");
        package.GetProperty("PackageServiceOptions").GetProperty("DeliveryConfirmation").GetProperty("DCISType").GetString().ShouldBe("3");
    }

    [Fact]
    public async Task Ups_accepts_one_rated_shipment_as_an_object_and_turns_an_error_body_into_an_exception_naming_ups_and_its_message()
    {
        Serve("/security/v1/oauth/token", 200, UpsToken);
        Serve("/api/rating/v2409/Shop", 200, """
            { "RateResponse": { "Response": { "ResponseStatus": { "Code": "1" } },
              "RatedShipment": { "Service": { "Code": "03" }, "TotalCharges": { "CurrencyCode": "USD", "MonetaryValue": "18.39" } } } }
            """);
        (await Ups().RateAsync(Wine, Ct)).ShouldHaveSingleItem().Amount.ShouldBe(18.39m);

        _server.Reset();
        Serve("/security/v1/oauth/token", 200, UpsToken);
        Serve("/api/rating/v2409/Shop", 400, UpsError);
        var error = await Should.ThrowAsync<CarrierApiException>(() => Ups().RateAsync(Wine, Ct));
        error.Message.ShouldBe("UPS rating failed (400) 111285: The postal code 99999 is invalid for NY United States.");
        Calls("/api/rating/v2409/Shop").Count.ShouldBe(1); // a 4xx is not retried
    }

    [Fact]
    public async Task Ups_retries_a_rating_once_after_a_5xx_but_never_a_ship_call()
    {
        Serve("/security/v1/oauth/token", 200, UpsToken);
        Serve("/api/rating/v2409/Shop", 503, """{ "response": { "errors": [ { "code": "190001", "message": "The service is temporarily unavailable" } ] } }""");
        Serve("/api/shipments/v2409/ship", 503, """{ "response": { "errors": [ { "code": "190001", "message": "The service is temporarily unavailable" } ] } }""");

        (await Should.ThrowAsync<CarrierApiException>(() => Ups().RateAsync(Wine, Ct))).Message.ShouldContain("temporarily unavailable");
        Calls("/api/rating/v2409/Shop").Count.ShouldBe(2);
        await Should.ThrowAsync<CarrierApiException>(() => Ups().BuyAsync(Purchase(Carrier.UPS), Ct));
        Calls("/api/shipments/v2409/ship").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Ups_ship_returns_a_tracking_number_per_package_the_zpl_label_and_sends_the_idempotency_key_as_transaction_id()
    {
        var zpl = "^XA^FO50,50^A0N,40,40^FDUPS GROUND^FS^XZ";
        Serve("/security/v1/oauth/token", 200, UpsToken);
        Serve("/api/shipments/v2409/ship", 200, $$"""
            { "ShipmentResponse": { "Response": { "ResponseStatus": { "Code": "1", "Description": "Success" } },
              "ShipmentResults": {
                "ShipmentCharges": { "TotalCharges": { "CurrencyCode": "USD", "MonetaryValue": "25.37" } },
                "BillingWeight": { "UnitOfMeasurement": { "Code": "LBS" }, "Weight": "20.0" },
                "ShipmentIdentificationNumber": "1Z4A7Y96A800123453",
                "PackageResults": [
                  { "TrackingNumber": "1Z4A7Y96A800123453", "ShippingLabel": { "ImageFormat": { "Code": "ZPL" }, "GraphicImage": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(zpl))}}" } },
                  { "TrackingNumber": "1Z5R89390357567127", "ShippingLabel": { "ImageFormat": { "Code": "ZPL" }, "GraphicImage": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(zpl))}}" } } ] } } }
            """);

        var label = await Ups().BuyAsync(Purchase(Carrier.UPS, packages: 2), Ct);

        label.ShouldBe(label with { ShipmentIdentifier = "1Z4A7Y96A800123453", Amount = 25.37m, Currency = "USD" });
        label.TrackingNumbers.ShouldBe(["1Z4A7Y96A800123453", "1Z5R89390357567127"]);
        label.CarrierLabels.ShouldBe([zpl, zpl]);
        var call = Calls("/api/shipments/v2409/ship").ShouldHaveSingleItem();
        call.Headers!["transId"].ShouldHaveSingleItem().ShouldBe("shipment42");
        var request = JsonDocument.Parse(call.Body!).RootElement.GetProperty("ShipmentRequest");
        request.GetProperty("LabelSpecification").GetProperty("LabelImageFormat").GetProperty("Code").GetString().ShouldBe("ZPL");
        request.GetProperty("LabelSpecification").GetProperty("LabelStockSize").GetProperty("Height").GetString().ShouldBe("6");
        request.GetProperty("Shipment").GetProperty("Service").GetProperty("Code").GetString().ShouldBe("03");
        request.GetProperty("Shipment").GetProperty("PaymentInformation").GetProperty("ShipmentCharge").GetProperty("BillShipper").GetProperty("AccountNumber").GetString().ShouldBe("A1B2C3");
        request.GetProperty("Shipment").GetProperty("Package").EnumerateArray().ShouldAllBe(p => p.GetProperty("PackageServiceOptions").GetProperty("DeliveryConfirmation").GetProperty("DCISType").GetString() == "3");
    }

    [Fact]
    public async Task Fedex_gets_a_token_rates_with_the_account_rate_and_reuses_the_token()
    {
        Serve("/oauth/token", 200, FedExToken);
        Serve("/rate/v1/rates/quotes", 200, FedExQuotes);
        var fedex = FedEx();

        var rates = await fedex.RateAsync(Wine, Ct);
        await fedex.RateAsync(Wine, Ct);

        rates.ShouldBe(
        [
            new CarrierRate(Carrier.FedEx, ServiceLevel.Ground, "FedEx Ground", 23.81m, "USD", 5),
            new CarrierRate(Carrier.FedEx, ServiceLevel.TwoDay, "FedEx 2Day", 51.2m, "USD", 2),
        ]);
        var token = Calls("/oauth/token").ShouldHaveSingleItem();
        token.Body!.ShouldContain("grant_type=client_credentials");
        token.Body!.ShouldContain("client_id=fedex-client");
        var quotes = Calls("/rate/v1/rates/quotes");
        quotes.Count.ShouldBe(2);
        quotes.ShouldAllBe(q => q.Headers!["Authorization"][0] == "Bearer fedex-token-1");
        var body = JsonDocument.Parse(quotes[0].Body!).RootElement;
        body.GetProperty("accountNumber").GetProperty("value").GetString().ShouldBe("740561073");
        var item = body.GetProperty("requestedShipment").GetProperty("requestedPackageLineItems")[0];
        item.GetProperty("weight").GetProperty("value").GetDecimal().ShouldBe(19.3m);
        item.GetProperty("packageSpecialServices").GetProperty("specialServiceTypes")[0].GetString().ShouldBe("ALCOHOL");
        item.GetProperty("packageSpecialServices").GetProperty("signatureOptionType").GetString().ShouldBe("ADULT");
        body.GetProperty("requestedShipment").GetProperty("recipient").GetProperty("address").GetProperty("residential").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Fedex_turns_an_error_body_into_an_exception_naming_fedex_and_its_message_and_ship_returns_tracking_numbers()
    {
        Serve("/oauth/token", 200, FedExToken);
        Serve("/rate/v1/rates/quotes", 422, FedExError);
        var error = await Should.ThrowAsync<CarrierApiException>(() => FedEx().RateAsync(Wine, Ct));
        error.Message.ShouldBe("FedEx rating failed (422) SHIPPER.ACCOUNT.REQUIRED: The shipper account is required for alcohol shipments.");

        var zpl = "^XA^FO40,40^A0N,40,40^FDFEDEX^FS^XZ";
        Serve("/ship/v1/shipments", 200, $$"""
            { "transactionId": "b2f6d1c4", "output": { "transactionShipments": [ {
                "masterTrackingNumber": "794608954713", "serviceType": "FEDEX_GROUND", "shipDatestamp": "2026-12-07",
                "pieceResponses": [ { "masterTrackingNumber": "794608954713", "trackingNumber": "794608954713", "netRateAmount": 23.81,
                  "packageDocuments": [ { "contentType": "LABEL", "docType": "ZPLII", "encodedLabel": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(zpl))}}" } ] } ],
                "completedShipmentDetail": { "shipmentRating": { "shipmentRateDetails": [ { "rateType": "PAYOR_ACCOUNT_PACKAGE", "totalNetCharge": 23.81, "currency": "USD" } ] } } } ] } }
            """);
        var label = await FedEx().BuyAsync(Purchase(Carrier.FedEx), Ct);

        (label.ShipmentIdentifier, label.Amount, label.Currency).ShouldBe(("794608954713", 23.81m, "USD"));
        label.TrackingNumbers.ShouldBe(["794608954713"]);
        label.CarrierLabels.ShouldBe([zpl]);
        var call = Calls("/ship/v1/shipments").ShouldHaveSingleItem();
        call.Headers!["x-customer-transaction-id"].ShouldHaveSingleItem().ShouldBe("shipment42");
        var shipment = JsonDocument.Parse(call.Body!).RootElement.GetProperty("requestedShipment");
        shipment.GetProperty("serviceType").GetString().ShouldBe("FEDEX_GROUND");
        shipment.GetProperty("labelSpecification").GetProperty("imageType").GetString().ShouldBe("ZPLII");
        shipment.GetProperty("labelSpecification").GetProperty("labelStockType").GetString().ShouldBe("STOCK_4X6");
        shipment.GetProperty("recipients")[0].GetProperty("contact").GetProperty("personName").GetString().ShouldBe("Dana Whitfield");
        shipment.GetProperty("requestedPackageLineItems")[0].GetProperty("packageSpecialServices").GetProperty("alcoholDetail").GetProperty("alcoholRecipientType").GetString().ShouldBe("CONSUMER");
    }

    [Fact]
    public async Task A_carrier_that_times_out_is_left_out_and_named_in_the_header_while_the_rating_answers_within_two_seconds()
    {
        Serve("/security/v1/oauth/token", 200, UpsToken);
        Serve("/api/rating/v2409/Shop", 200, UpsShop);
        Serve("/oauth/token", 200, FedExToken);
        _server.Given(Request.Create().WithPath("/rate/v1/rates/quotes").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(FedExQuotes).WithDelay(TimeSpan.FromSeconds(5)));
        var settings = new Dictionary<string, string?>(RatingHostFixture.Settings);
        foreach (var (carrier, id, account) in new[] { ("UPS", "ups-client", "A1B2C3"), ("FedEx", "fedex-client", "740561073") })
        {
            settings[$"OrderHub:Shipping:Carriers:{carrier}:BaseUrl"] = _server.Url;
            settings[$"OrderHub:Shipping:Carriers:{carrier}:ClientId"] = id;
            settings[$"OrderHub:Shipping:Carriers:{carrier}:ClientSecret"] = "secret";
            settings[$"OrderHub:Shipping:Carriers:{carrier}:AccountNumber"] = account;
        }

        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OrderHubApp(database, settings);
        var client = app.CreateApiClient();
        await client.PostAsJsonAsync("/api/v1/shipping/rates", RatingTests.Body(containsAlcohol: false), Ct); // warm the host up

        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/shipping/rates", RatingTests.Body(containsAlcohol: true), Ct);
        watch.Stop();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
        var rates = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
        rates.Select(r => r.GetProperty("carrier").GetString()).ShouldBe(["UPS", "UPS", "UPS"]);
        rates[0].GetProperty("amount").GetDecimal().ShouldBe(25.37m);
        var warning = response.Headers.GetValues("X-OrderHub-Rating-Warnings").ShouldHaveSingleItem();
        warning.ShouldStartWith("FedEx: ");
        warning.ShouldContain("timed out");
        warning.ShouldNotContain("UPS");
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static LabelPurchase Purchase(Carrier carrier, int packages = 1) => new(
        "shipment42", "OH-100001", carrier, ServiceLevel.Ground, "Napa Warehouse", Napa, "Dana Whitfield", Manhattan,
        [.. Enumerable.Repeat(new ShippingParcel(8754, 37, 26, 22), packages)], ContainsAlcohol: true, AdultSignature: true, new DateOnly(2026, 12, 7));

    private UpsCarrier Ups() => new(new LoopbackClients(), Account("ups-client", "ups-secret", "A1B2C3"), TimeProvider.System);

    private FedExCarrier FedEx() => new(new LoopbackClients(), Account("fedex-client", "fedex-secret", "740561073"), TimeProvider.System);

    private CarrierAccountOptions Account(string id, string secret, string number) =>
        new() { BaseUrl = _server.Url, ClientId = id, ClientSecret = secret, AccountNumber = number, AlcoholAgreement = true, RateTimeout = TimeSpan.FromSeconds(10) }; // a cold first call on a loaded machine

    private void Serve(string path, int status, string body) =>
        _server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private List<WireMock.RequestMessage> Calls(string path) =>
        [.. _server.LogEntries.Select(e => (WireMock.RequestMessage)e.RequestMessage).Where(r => r.Path == path)];

    private sealed class LoopbackClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
