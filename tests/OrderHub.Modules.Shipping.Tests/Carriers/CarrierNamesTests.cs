using OrderHub.Modules.Shipping.Carriers;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Carriers;

public sealed class CarrierNamesTests
{
    [Fact]
    public void Carriers_are_spelled_as_the_api_contract_names_them() =>
        Enum.GetNames<Carrier>().ShouldBe(["UPS", "FedEx", "DHL", "USPS", "Courier"]);
}
