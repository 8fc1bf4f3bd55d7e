using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Shipping.Carriers.FedEx;

/// <summary>
/// The FedEx REST adapter (carriers.md §7): OAuth client credentials (<c>POST /oauth/token</c>, form id and secret),
/// <c>POST /rate/v1/rates/quotes</c> (account and list rates; the account rate is taken when given) and
/// <c>POST /ship/v1/shipments</c> for a ZPLII 4x6 label. Alcohol flags every package (<c>ALCOHOL</c>, consumer
/// recipient) with adult signature. Errors <c>{transactionId, errors:[{code,message}]}</c> become a
/// <see cref="CarrierApiException"/>.
/// </summary>
internal sealed class FedExCarrier(IHttpClientFactory httpClients, CarrierAccountOptions account, TimeProvider clock)
    : CarrierHttp(httpClients, account, clock), ICarrierRates, ICarrierLabels
{
    private static readonly Dictionary<string, string> Locale = new() { ["X-locale"] = "en_US" };

    public override Carrier Carrier => Carrier.FedEx;

    public Task<IReadOnlyList<CarrierRate>> RateAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shipment = RequestedShipment(request.From, null, request.To, null, request.Packages, request.ContainsAlcohol, request.AdultSignature, request.Residential);
        shipment.Remove("recipients");
        shipment["rateRequestType"] = new JsonArray("ACCOUNT", "LIST");
        var body = new JsonObject
        {
            ["accountNumber"] = new JsonObject { ["value"] = Account.AccountNumber },
            ["requestedShipment"] = shipment,
            ["returnTransitTimes"] = true,
        };
        return RunAsync<IReadOnlyList<CarrierRate>>(RatePipeline, "rating", async ct =>
        {
            var answer = await PostJsonAsync("rating", "/rate/v1/rates/quotes", body, Locale, ct);
            var rates = new List<CarrierRate>();
            foreach (var detail in Items(At(answer, "output", "rateReplyDetails")))
            {
                var type = String(detail, "serviceType");
                var service = CarrierCatalog.ServicesOf(Carrier).FirstOrDefault(s => s.Code == type || (type == "GROUND_HOME_DELIVERY" && s.Level == ServiceLevel.Ground));
                var rated = Items(At(detail, "ratedShipmentDetails")).ToList();
                var chosen = rated.FirstOrDefault(r => String(r, "rateType") == "ACCOUNT");
                if (service is null || rated.Count == 0)
                {
                    continue;
                }

                var price = chosen.ValueKind == JsonValueKind.Object ? chosen : rated[0];
                if (Number(price, "totalNetCharge") is not { } amount)
                {
                    continue;
                }

                var days = TransitDays(String(detail, "commit", "transitDays", "minimumTransitTime") ?? String(detail, "operationalDetail", "transitTime"))
                    ?? service.Level switch { ServiceLevel.Ground => 5, ServiceLevel.TwoDay => 2, _ => 1 };
                rates.Add(new CarrierRate(Carrier, service.Level, service.Name, amount, String(price, "currency") ?? "USD", days));
            }

            return rates;
        }, cancellationToken);
    }

    public Task<PurchasedLabel> BuyAsync(LabelPurchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var service = CarrierCatalog.Find(Carrier, purchase.Service) ?? throw new ArgumentException($"FedEx has no {purchase.Service} service.", nameof(purchase));
        var shipment = RequestedShipment(purchase.ShipFrom, purchase.ShipFromName, purchase.ShipTo, purchase.ShipToName, purchase.Packages,
            purchase.ContainsAlcohol, purchase.AdultSignature, residential: true);
        shipment.Remove("recipient");
        shipment["serviceType"] = service.Code;
        shipment["shipDatestamp"] = purchase.ShipDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        shipment["shippingChargesPayment"] = new JsonObject { ["paymentType"] = "SENDER" };
        shipment["labelSpecification"] = new JsonObject { ["imageType"] = "ZPLII", ["labelStockType"] = "STOCK_4X6" };
        var body = new JsonObject
        {
            ["labelResponseOptions"] = "LABEL",
            ["accountNumber"] = new JsonObject { ["value"] = Account.AccountNumber },
            ["requestedShipment"] = shipment,
        };

        // The purchase's idempotency key rides as the customer transaction id: a retried job sends the same one.
        var headers = new Dictionary<string, string>(Locale) { ["x-customer-transaction-id"] = purchase.IdempotencyKey };
        return RunAsync(ShipPipeline, "shipping", async ct =>
        {
            var answer = await PostJsonAsync("shipping", "/ship/v1/shipments", body, headers, ct);
            var shipped = Items(At(answer, "output", "transactionShipments")).FirstOrDefault();
            var pieces = Items(At(shipped, "pieceResponses")).ToList();
            var tracking = pieces.Select(p => String(p, "trackingNumber")).OfType<string>().ToList();
            var master = String(shipped, "masterTrackingNumber");
            if (tracking.Count == 0 && master is not null)
            {
                tracking.Add(master);
            }

            if (tracking.Count == 0)
            {
                throw new CarrierApiException(Carrier, "shipping", System.Net.HttpStatusCode.OK, null, "the answer holds no tracking number");
            }

            var amount = Number(shipped, "completedShipmentDetail", "shipmentRating", "shipmentRateDetails", "totalNetCharge")
                ?? pieces.Sum(p => Number(p, "netRateAmount") ?? 0m);
            var labels = pieces.SelectMany(p => Items(At(p, "packageDocuments")))
                .Where(d => String(d, "contentType") is null or "LABEL")
                .Select(d => String(d, "encodedLabel")).OfType<string>().Select(Decode).ToList();
            return new PurchasedLabel(master ?? tracking[0], tracking, amount, String(shipped, "completedShipmentDetail", "shipmentRating", "shipmentRateDetails", "currency") ?? "USD", labels);
        }, cancellationToken);
    }

    protected override HttpRequestMessage TokenRequest() => new(HttpMethod.Post, Url("/oauth/token"))
    {
        Content = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", Account.ClientId!),
            new("client_secret", Account.ClientSecret!),
        ]),
    };

    protected override (string? Code, string Message)? ErrorOf(JsonElement body)
    {
        var errors = Items(At(body, "errors")).ToList();
        return errors.Count == 0
            ? null
            : (String(errors[0], "code"), string.Join("; ", errors.Select(e => String(e, "message")).OfType<string>()));
    }

    private static JsonObject RequestedShipment(
        Address from, string? fromName, Address to, string? toName, IReadOnlyList<ShippingParcel> parcels, bool alcohol, bool adultSignature, bool residential)
    {
        var recipient = Party(to, toName);
        ((JsonObject)recipient["address"]!)["residential"] = residential;
        return new JsonObject
        {
            ["shipper"] = Party(from, fromName),
            ["recipients"] = new JsonArray(recipient),
            ["recipient"] = recipient.DeepClone(),
            ["pickupType"] = "DROPOFF_AT_FEDEX_LOCATION",
            ["packagingType"] = "YOUR_PACKAGING",
            ["totalPackageCount"] = parcels.Count,
            ["requestedPackageLineItems"] = new JsonArray([.. parcels.Select(p => (JsonNode)LineItem(p, alcohol, adultSignature))]),
        };
    }

    private static JsonObject LineItem(ShippingParcel parcel, bool alcohol, bool adultSignature)
    {
        var item = new JsonObject
        {
            ["weight"] = new JsonObject { ["units"] = "LB", ["value"] = decimal.Parse(Pounds(parcel.WeightGrams), System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (parcel.LengthCm > 0 && parcel.WidthCm > 0 && parcel.HeightCm > 0)
        {
            item["dimensions"] = new JsonObject
            {
                ["length"] = int.Parse(InchesText(parcel.LengthCm), System.Globalization.CultureInfo.InvariantCulture),
                ["width"] = int.Parse(InchesText(parcel.WidthCm), System.Globalization.CultureInfo.InvariantCulture),
                ["height"] = int.Parse(InchesText(parcel.HeightCm), System.Globalization.CultureInfo.InvariantCulture),
                ["units"] = "IN",
            };
        }

        if (alcohol || adultSignature)
        {
            var special = new JsonObject { ["signatureOptionType"] = "ADULT" };
            if (alcohol)
            {
                special["specialServiceTypes"] = new JsonArray("ALCOHOL");
                special["alcoholDetail"] = new JsonObject { ["alcoholRecipientType"] = "CONSUMER" };
            }

            item["packageSpecialServices"] = special;
        }

        return item;
    }

    private static JsonObject Party(Address address, string? name) => new()
    {
        ["contact"] = new JsonObject { ["personName"] = name ?? "OrderHub" },
        ["address"] = new JsonObject
        {
            ["streetLines"] = new JsonArray([.. new[] { address.Line1, address.Line2 }.OfType<string>().Where(l => l.Length > 0).Select(l => (JsonNode)l)]),
            ["city"] = address.City,
            ["stateOrProvinceCode"] = address.Region,
            ["postalCode"] = address.PostalCode,
            ["countryCode"] = address.Country,
        },
    };

    /// <summary>FedEx's "TWO_DAYS" style transit time as business days, or null.</summary>
    private static int? TransitDays(string? words) => words switch
    {
        "ONE_DAY" => 1,
        "TWO_DAYS" => 2,
        "THREE_DAYS" => 3,
        "FOUR_DAYS" => 4,
        "FIVE_DAYS" => 5,
        "SIX_DAYS" => 6,
        "SEVEN_DAYS" => 7,
        _ => null,
    };

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
