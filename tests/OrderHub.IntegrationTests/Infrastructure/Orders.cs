namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>Request bodies as a web store would send them.</summary>
public static class Orders
{
    public static object ValidBody(
        string email = "ada@example.com", string sku = "CAB-2019-750", int quantity = 2, string token = "tok_visa",
        string region = "OR", string postalCode = "97201", string? dateOfBirth = "1985-12-10", string shippingService = "Ground",
        string channel = "Web") => new
        {
            channel,
            externalReference = "WEB-" + Guid.NewGuid().ToString("N")[..8],
            // Each email is its own consumer (name and street differ too): compliance volume limits count per consumer.
            customer = new { email, firstName = "Ada", lastName = "Lovelace-" + email.Split('@')[0], dateOfBirth },
            shippingAddress = new { line1 = $"{(uint)email.GetHashCode(StringComparison.OrdinalIgnoreCase) % 9000 + 100} Main St", city = "Springfield", region, postalCode, country = "US" },
            shippingService,
            lines = new[] { new { sku, quantity } },
            payment = new { method = "Card", token },
        };
}
