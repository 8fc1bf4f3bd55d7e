using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void The_module_names_itself() => new FulfillmentModule().Name.ShouldBe("Fulfillment");
}
