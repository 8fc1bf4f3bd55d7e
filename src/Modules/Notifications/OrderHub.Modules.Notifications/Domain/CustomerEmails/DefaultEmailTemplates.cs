namespace OrderHub.Modules.Notifications.Domain.CustomerEmails;

/// <summary>
/// The built-in templates (Liquid), used until staff write their own. The HTML is a fragment: the layout around it
/// (logo, colours, footer) is the brand's (<c>EmailLayout</c>). What every template can read:
/// <c>brand.name</c>, <c>brand.support_email</c>, <c>customer.name</c>, <c>order.number</c>, <c>order.lines</c>
/// (<c>sku</c>, <c>name</c>, <c>quantity</c>); shipment emails add <c>shipment.carrier</c>, <c>service</c>,
/// <c>tracking_number</c>, <c>tracking_url</c>, <c>estimated_delivery</c>, <c>description</c>; a weather hold
/// <c>hold.reason</c> and <c>hold.new_ship_date</c>; a delay <c>delay.promised</c> and <c>delay.estimated</c>; a
/// cancellation <c>cancellation.reason</c>.
/// </summary>
internal static class DefaultEmailTemplates
{
    private const string Greeting = "<p>Dear {{ customer.name }},</p>";
    private const string Tracking =
        "<p>{{ shipment.service }}, tracking number <strong>{{ shipment.tracking_number }}</strong>.</p>" +
        "{% if shipment.tracking_url %}<p><a class=\"button\" href=\"{{ shipment.tracking_url }}\">Track your package</a></p>{% endif %}";

    private const string TrackingText =
        "{{ shipment.service }}, tracking number {{ shipment.tracking_number }}\n" +
        "{% if shipment.tracking_url %}Track it: {{ shipment.tracking_url }}\n{% endif %}";

    private const string Lines = "<ul>{% for line in order.lines %}<li>{{ line.quantity }} x {{ line.name }}</li>{% endfor %}</ul>";
    private const string LinesText = "{% for line in order.lines %}  {{ line.quantity }} x {{ line.name }}\n{% endfor %}";
    private const string SignOff = "\n\n{{ brand.name }}{% if brand.support_email %} - questions? {{ brand.support_email }}{% endif %}";

    public static EmailTemplateSource For(CustomerEmailType type) => type switch
    {
        CustomerEmailType.OrderReceived => new(
            "We received your order {{ order.number }}",
            Greeting + "<p>Thank you for your order <strong>{{ order.number }}</strong>:</p>" + Lines + "<p>We will write again when it ships.</p>",
            "Dear {{ customer.name }},\n\nthank you for your order {{ order.number }}:\n" + LinesText + "\nWe will write again when it ships." + SignOff),
        CustomerEmailType.OrderConfirmed => new(
            "Your order {{ order.number }} is confirmed",
            Greeting + "<p>Your order <strong>{{ order.number }}</strong> is confirmed: your payment is authorized and we are preparing it for shipment.</p>" + Lines,
            "Dear {{ customer.name }},\n\nyour order {{ order.number }} is confirmed: your payment is authorized and we are preparing it for shipment.\n" + LinesText + SignOff),
        CustomerEmailType.Shipped => new(
            "Your order {{ order.number }} has shipped",
            Greeting + "<p>Your order <strong>{{ order.number }}</strong> is on its way.</p>" + Tracking +
            "{% if shipment.estimated_delivery %}<p>Estimated delivery: <strong>{{ shipment.estimated_delivery }}</strong>.</p>{% endif %}" +
            "{% if shipment.adult_signature %}<p>Someone 21 or older must sign for it: please have ID ready.</p>{% endif %}",
            "Dear {{ customer.name }},\n\nyour order {{ order.number }} is on its way.\n" + TrackingText +
            "{% if shipment.estimated_delivery %}Estimated delivery: {{ shipment.estimated_delivery }}\n{% endif %}" +
            "{% if shipment.adult_signature %}Someone 21 or older must sign for it: please have ID ready.\n{% endif %}" + SignOff),
        CustomerEmailType.OutForDelivery => new(
            "Your order {{ order.number }} is out for delivery",
            Greeting + "<p>Your order <strong>{{ order.number }}</strong> is out for delivery today.</p>" + Tracking +
            "{% if shipment.adult_signature %}<p>Someone 21 or older must sign for it.</p>{% endif %}",
            "Dear {{ customer.name }},\n\nyour order {{ order.number }} is out for delivery today.\n" + TrackingText +
            "{% if shipment.adult_signature %}Someone 21 or older must sign for it.\n{% endif %}" + SignOff),
        CustomerEmailType.Delivered => new(
            "Your order {{ order.number }} was delivered",
            Greeting + "<p>Your order <strong>{{ order.number }}</strong> was delivered. Enjoy!</p>" + Tracking,
            "Dear {{ customer.name }},\n\nyour order {{ order.number }} was delivered. Enjoy!\n" + TrackingText + SignOff),
        CustomerEmailType.MissedDelivery => new(
            "We could not deliver your order {{ order.number }}",
            Greeting + "<p>The carrier could not deliver your order <strong>{{ order.number }}</strong>{% if shipment.description %}: {{ shipment.description }}{% endif %}.</p>" +
            "<p>What happens next: the carrier tries again on the next business day, or holds the package for you to collect with ID. " +
            "Follow it with the link below, or reply to this email and we will sort it out.</p>" + Tracking,
            "Dear {{ customer.name }},\n\nthe carrier could not deliver your order {{ order.number }}{% if shipment.description %}: {{ shipment.description }}{% endif %}.\n\n" +
            "What happens next: the carrier tries again on the next business day, or holds the package for you to collect with ID. " +
            "Follow it with the link below, or reply to this email and we will sort it out.\n" + TrackingText + SignOff),
        CustomerEmailType.Delayed => new(
            "Your order {{ order.number }} is running late",
            Greeting + "<p>Your order <strong>{{ order.number }}</strong> is running late: the carrier now expects to deliver it on <strong>{{ delay.estimated }}</strong> " +
            "(we promised {{ delay.promised }}). We are sorry for the wait.</p>" + Tracking,
            "Dear {{ customer.name }},\n\nyour order {{ order.number }} is running late: the carrier now expects to deliver it on {{ delay.estimated }} " +
            "(we promised {{ delay.promised }}). We are sorry for the wait.\n" + TrackingText + SignOff),
        CustomerEmailType.WeatherHold => new(
            "Your order {{ order.number }} waits for better weather",
            Greeting + "<p>Wine spoils in a hot or freezing truck, so we are holding your order <strong>{{ order.number }}</strong> until the weather allows.</p>" +
            "<p>Why: {{ hold.reason }}</p>" +
            "{% if hold.new_ship_date %}<p>We now plan to ship it on <strong>{{ hold.new_ship_date }}</strong>, and will write when it leaves.</p>{% else %}<p>We will write as soon as it can leave.</p>{% endif %}",
            "Dear {{ customer.name }},\n\nwine spoils in a hot or freezing truck, so we are holding your order {{ order.number }} until the weather allows.\n\n" +
            "Why: {{ hold.reason }}\n" +
            "{% if hold.new_ship_date %}We now plan to ship it on {{ hold.new_ship_date }}, and will write when it leaves.{% else %}We will write as soon as it can leave.{% endif %}" + SignOff),
        CustomerEmailType.Cancelled => new(
            "Your order {{ order.number }} was cancelled",
            Greeting + "<p>Your order <strong>{{ order.number }}</strong> was cancelled ({{ cancellation.reason }}). Any payment hold on your card is released.</p>",
            "Dear {{ customer.name }},\n\nyour order {{ order.number }} was cancelled ({{ cancellation.reason }}). Any payment hold on your card is released." + SignOff),
        CustomerEmailType.RefundIssued => new(
            "Your refund for order {{ order.number }}",
            Greeting + "<p>We refunded <strong>{{ refund.amount }} {{ refund.currency }}</strong> for your order <strong>{{ order.number }}</strong>. It reaches your card within a few business days.</p>",
            "Dear {{ customer.name }},\n\nwe refunded {{ refund.amount }} {{ refund.currency }} for your order {{ order.number }}. It reaches your card within a few business days." + SignOff),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No built-in template."),
    };
}
