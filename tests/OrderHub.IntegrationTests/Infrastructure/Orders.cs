namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>Request bodies as a web store would send them.</summary>
public static class Orders
{
    public static object ValidBody(string email = "ada@example.com", string sku = "CAB-2019-750", int quantity = 2) => new
    {
        channel = "Web",
        externalReference = "WEB-" + Guid.NewGuid().ToString("N")[..8],
        customer = new { email, firstName = "Ada", lastName = "Lovelace", dateOfBirth = "1985-12-10" },
        shippingAddress = new { line1 = "1 Main St", city = "Portland", region = "OR", postalCode = "97201", country = "US" },
        shippingService = "Ground",
        lines = new[] { new { sku, quantity } },
        payment = new { method = "Card", token = "tok_visa" },
    };
}
