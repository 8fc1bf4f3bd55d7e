using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Shipping.Carriers.Ups;

/// <summary>
/// The UPS REST adapter (carriers.md §7): OAuth client credentials (<c>POST /security/v1/oauth/token</c>, Basic
/// id:secret), <c>POST /api/rating/v2409/Shop</c> for every service's rate and <c>POST /api/shipments/v2409/ship</c>
/// for a 4x6 ZPL label. Money comes as strings; one object or an array is accepted wherever UPS sends either. Alcohol
/// sets <c>RestrictedArticles.AlcoholicBeveragesIndicator</c> and adult signature <c>DCISType</c> 3 on every package.
/// Errors <c>{response:{errors:[{code,message}]}}</c> become a <see cref="CarrierApiException"/>.
/// </summary>
internal sealed class UpsCarrier(IHttpClientFactory httpClients, CarrierAccountOptions account, TimeProvider clock)
    : CarrierHttp(httpClients, account, clock), ICarrierRates, ICarrierLabels
{
    /// <summary>Business days when UPS does not say (no time-in-transit in the answer).</summary>
    private static readonly Dictionary<ServiceLevel, int> DefaultTransit = new() { [ServiceLevel.Ground] = 5, [ServiceLevel.TwoDay] = 2, [ServiceLevel.Overnight] = 1 };

    public override Carrier Carrier => Carrier.UPS;

    public Task<IReadOnlyList<CarrierRate>> RateAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["RateRequest"] = new JsonObject
            {
                ["Request"] = new JsonObject { ["RequestOption"] = "Shop" },
                ["Shipment"] = Shipment(request.From, null, request.To, null, request.Packages, request.ContainsAlcohol, request.AdultSignature, request.Residential, service: null),
            },
        };
        return RunAsync<IReadOnlyList<CarrierRate>>(RatePipeline, "rating", async ct =>
        {
            var answer = await PostJsonAsync("rating", "/api/rating/v2409/Shop", body, null, ct);
            var rates = new List<CarrierRate>();
            foreach (var rated in Items(At(answer, "RateResponse", "RatedShipment")))
            {
                var code = String(rated, "Service", "Code");
                if (CarrierCatalog.ServicesOf(Carrier).FirstOrDefault(s => s.Code == code) is not { } service)
                {
                    continue; // a UPS service OrderHub does not sell (3 Day Select, Saver...)
                }

                var amount = Number(rated, "NegotiatedRateCharges", "TotalCharge", "MonetaryValue") ?? Number(rated, "TotalCharges", "MonetaryValue");
                if (amount is null)
                {
                    continue;
                }

                var currency = String(rated, "TotalCharges", "CurrencyCode") ?? "USD";
                var days = (int?)Number(rated, "GuaranteedDelivery", "BusinessDaysInTransit")
                    ?? (int?)Number(rated, "TimeInTransit", "ServiceSummary", "EstimatedArrival", "BusinessDaysInTransit")
                    ?? DefaultTransit[service.Level];
                rates.Add(new CarrierRate(Carrier, service.Level, service.Name, amount.Value, currency, days));
            }

            return rates;
        }, cancellationToken);
    }

    public Task<PurchasedLabel> BuyAsync(LabelPurchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var service = CarrierCatalog.Find(Carrier, purchase.Service) ?? throw new ArgumentException($"UPS has no {purchase.Service} service.", nameof(purchase));
        var shipment = Shipment(purchase.ShipFrom, purchase.ShipFromName, purchase.ShipTo, purchase.ShipToName, purchase.Packages, purchase.ContainsAlcohol,
            purchase.AdultSignature, residential: true, service.Code);
        shipment["Description"] = purchase.ContainsAlcohol ? "Wine" : "Merchandise";
        shipment["ReferenceNumber"] = new JsonObject { ["Value"] = Truncate(purchase.Reference, 35) };
        shipment["PaymentInformation"] = new JsonObject
        {
            ["ShipmentCharge"] = new JsonObject { ["Type"] = "01", ["BillShipper"] = new JsonObject { ["AccountNumber"] = Account.AccountNumber } },
        };
        var body = new JsonObject
        {
            ["ShipmentRequest"] = new JsonObject
            {
                ["Request"] = new JsonObject { ["RequestOption"] = "nonvalidate" },
                ["Shipment"] = shipment,
                ["LabelSpecification"] = new JsonObject
                {
                    ["LabelImageFormat"] = new JsonObject { ["Code"] = "ZPL" },
                    ["LabelStockSize"] = new JsonObject { ["Height"] = "6", ["Width"] = "4" },
                },
            },
        };

        // transId carries the purchase's idempotency key (32 characters at most): a retried job sends the same one.
        var headers = new Dictionary<string, string> { ["transId"] = TransactionId(purchase.IdempotencyKey), ["transactionSrc"] = "OrderHub" };
        return RunAsync(ShipPipeline, "shipping", async ct =>
        {
            var answer = await PostJsonAsync("shipping", "/api/shipments/v2409/ship", body, headers, ct);
            var results = At(answer, "ShipmentResponse", "ShipmentResults");
            var packages = Items(At(results, "PackageResults")).ToList();
            var tracking = packages.Select(p => String(p, "TrackingNumber")).OfType<string>().ToList();
            if (tracking.Count == 0)
            {
                throw new CarrierApiException(Carrier, "shipping", System.Net.HttpStatusCode.OK, null, "the answer holds no tracking number");
            }

            var amount = Number(results, "NegotiatedRateCharges", "TotalCharge", "MonetaryValue") ?? Number(results, "ShipmentCharges", "TotalCharges", "MonetaryValue") ?? 0m;
            var currency = String(results, "ShipmentCharges", "TotalCharges", "CurrencyCode") ?? "USD";
            var labels = packages.Select(p => String(p, "ShippingLabel", "GraphicImage")).OfType<string>().Select(Decode).ToList();
            return new PurchasedLabel(String(results, "ShipmentIdentificationNumber") ?? tracking[0], tracking, amount, currency, labels);
        }, cancellationToken);
    }

    protected override HttpRequestMessage TokenRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url("/security/v1/oauth/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Account.ClientId}:{Account.ClientSecret}")));
        request.Headers.TryAddWithoutValidation("x-merchant-id", Account.AccountNumber);
        return request;
    }

    protected override (string? Code, string Message)? ErrorOf(JsonElement body)
    {
        var errors = Items(At(body, "response", "errors")).ToList();
        return errors.Count == 0
            ? null
            : (String(errors[0], "code"), string.Join("; ", errors.Select(e => String(e, "message")).OfType<string>()));
    }

    private JsonObject Shipment(
        Address from, string? fromName, Address to, string? toName, IReadOnlyList<ShippingParcel> parcels, bool alcohol, bool adultSignature, bool residential, string? service)
    {
        var shipper = Party(from, fromName);
        shipper["ShipperNumber"] = Account.AccountNumber;
        var shipTo = Party(to, toName);
        if (residential)
        {
            ((JsonObject)shipTo["Address"]!)["ResidentialAddressIndicator"] = string.Empty;
        }

        var shipment = new JsonObject
        {
            ["Shipper"] = shipper,
            ["ShipFrom"] = Party(from, fromName),
            ["ShipTo"] = shipTo,
            ["Package"] = new JsonArray([.. parcels.Select(p => (JsonNode)Package(p, alcohol || adultSignature))]),
        };
        if (service is not null)
        {
            shipment["Service"] = new JsonObject { ["Code"] = service };
        }

        if (alcohol)
        {
            shipment["ShipmentServiceOptions"] = new JsonObject { ["RestrictedArticles"] = new JsonObject { ["AlcoholicBeveragesIndicator"] = string.Empty } };
        }

        return shipment;
    }

    private static JsonObject Package(ShippingParcel parcel, bool adultSignature)
    {
        var package = new JsonObject
        {
            ["PackagingType"] = new JsonObject { ["Code"] = "02" },
            ["PackageWeight"] = new JsonObject { ["UnitOfMeasurement"] = new JsonObject { ["Code"] = "LBS" }, ["Weight"] = Pounds(parcel.WeightGrams) },
        };
        if (parcel.LengthCm > 0 && parcel.WidthCm > 0 && parcel.HeightCm > 0)
        {
            package["Dimensions"] = new JsonObject
            {
                ["UnitOfMeasurement"] = new JsonObject { ["Code"] = "IN" },
                ["Length"] = InchesText(parcel.LengthCm),
                ["Width"] = InchesText(parcel.WidthCm),
                ["Height"] = InchesText(parcel.HeightCm),
            };
        }

        if (adultSignature)
        {
            // Adult signature is DCISType 3 on a package (2 would be on the shipment): carriers.md §6.
            package["PackageServiceOptions"] = new JsonObject { ["DeliveryConfirmation"] = new JsonObject { ["DCISType"] = "3" } };
        }

        return package;
    }

    private static JsonObject Party(Address address, string? name) => new()
    {
        ["Name"] = Truncate(name ?? "OrderHub", 35),
        ["Address"] = new JsonObject
        {
            ["AddressLine"] = new JsonArray([.. new[] { address.Line1, address.Line2 }.OfType<string>().Where(l => l.Length > 0).Select(l => (JsonNode)l)]),
            ["City"] = address.City,
            ["StateProvinceCode"] = address.Region,
            ["PostalCode"] = address.PostalCode,
            ["CountryCode"] = address.Country,
        },
    };

    private static string TransactionId(string key) => key.Length <= 32 && key.All(char.IsAsciiLetterOrDigit)
        ? key
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return base64;
        }
    }
}
