namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>
/// Commerce7 <c>GET /order</c> answers as recorded (trimmed to the fields the adapter reads, plus a few it ignores);
/// <c>{run}</c> is replaced per test so ids and emails are new each time.
/// </summary>
internal static class Commerce7Recordings
{
    public const string FirstPage = """
        {
          "orders": [
            {
              "id": "c7-{run}-a", "orderNumber": 1001, "channel": "Web", "paymentStatus": "Paid",
              "orderPaidDate": "2026-11-20T17:02:11.000Z", "customerId": "5b1c2d3e-0000-4000-8000-00000000000a",
              "customer": { "id": "5b1c2d3e-0000-4000-8000-00000000000a", "firstName": "Ana", "lastName": "Cork-{run}", "birthDate": "1979-03-14",
                            "emails": [ { "email": "ana-{run}@example.com" } ], "phones": [ { "phone": "+15035550101" } ] },
              "shipTo": { "firstName": "Ana", "lastName": "Cork-{run}", "address": "800 NW Glisan St", "address2": null, "city": "Portland",
                          "stateCode": "OR", "zipCode": "97209", "countryCode": "US" },
              "items": [ { "sku": "CAB-2019-750", "quantity": 2, "productTitle": "Cabernet 2019", "price": 4500 } ],
              "fulfillments": []
            },
            {
              "id": "c7-{run}-b", "orderNumber": 1002, "channel": "Club", "paymentStatus": "Paid",
              "customer": { "firstName": "Ben", "lastName": "Barrel-{run}", "emails": [ { "email": "ben-{run}@example.com" } ], "birthDate": "1970-01-01" },
              "shipTo": { "address": "12 Oak St", "city": "Eugene", "stateCode": "OR", "zipCode": "97401", "countryCode": "US" },
              "items": [ { "sku": "CHD-2022-750", "quantity": 1 }, { "sku": null, "quantity": 1, "productTitle": "Gift note" } ],
              "fulfillments": []
            }
          ],
          "total": 3,
          "cursor": "c2-{run}"
        }
        """;

    /// <summary>B again (an order can appear on two pages while the tenant's data moves), and C without an email.</summary>
    public const string SecondPage = """
        {
          "orders": [
            {
              "id": "c7-{run}-b", "orderNumber": 1002, "channel": "Club", "paymentStatus": "Paid",
              "customer": { "firstName": "Ben", "lastName": "Barrel-{run}", "emails": [ { "email": "ben-{run}@example.com" } ], "birthDate": "1970-01-01" },
              "shipTo": { "address": "12 Oak St", "city": "Eugene", "stateCode": "OR", "zipCode": "97401", "countryCode": "US" },
              "items": [ { "sku": "CHD-2022-750", "quantity": 1 }, { "sku": null, "quantity": 1, "productTitle": "Gift note" } ]
            },
            {
              "id": "c7-{run}-c", "orderNumber": 1003, "channel": "POS", "paymentStatus": "Paid",
              "customer": { "firstName": "Cy", "lastName": "Nomail-{run}", "emails": [] },
              "shipTo": { "address": "1 Elm St", "city": "Salem", "stateCode": "OR", "zipCode": "97301", "countryCode": "US" },
              "items": [ { "sku": "CAB-2019-750", "quantity": 1 } ]
            }
          ],
          "total": 3,
          "cursor": "c3-{run}"
        }
        """;

    public const string LastPage = """{ "orders": [], "total": 3, "cursor": null }""";

    public const string Unauthorized = """{ "statusCode": 401, "type": "unauthorized", "message": "Invalid credentials for tenant" }""";
}
