using OrderHub.Modules.Notifications.Domain.CustomerEmails;
using OrderHub.Modules.Notifications.Features.CustomerEmails;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>A template staff write is checked before it is kept: what does not parse is named with its line and column.</summary>
public sealed class EmailTemplateCheckTests
{
    [Fact]
    public void A_template_that_does_not_parse_is_refused_with_its_line_and_column()
    {
        var problems = EmailRenderer.Check(new EmailTemplateSource(
            "Your order {{ order.number }}",
            "<p>Dear {{ customer.name }},</p>\n<p>{% if shipment.tracking_url %}Track it</p>",
            "Hello {{ customer.name"));

        problems.Select(p => p.Field).ShouldBe(["html", "text"]);
        var html = problems[0];
        html.Line.ShouldBe(2);
        html.Column.ShouldBeGreaterThan(1);
        html.Message.ShouldNotBeNullOrWhiteSpace();
        problems[1].Line.ShouldBe(1);
    }

    [Fact]
    public void Every_built_in_template_parses()
    {
        foreach (var type in Enum.GetValues<CustomerEmailType>())
        {
            EmailRenderer.Check(DefaultEmailTemplates.For(type)).ShouldBeEmpty(type.ToString());
        }
    }
}
