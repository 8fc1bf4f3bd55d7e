using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Shipping.Features.BuyLabel;
using OrderHub.Modules.Shipping.Features.GetShipment;
using OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping;

/// <summary>Composition root of the Shipping module: the host calls this and nothing else inside the module.</summary>
public sealed class ShippingModule : IModule
{
    public const string ModuleName = "Shipping";

    public string Name => ModuleName;

    public string Schema => ShippingDbContext.SchemaName;

    public IReadOnlyList<Assembly> Assemblies { get; } = [typeof(ShippingModule).Assembly];

    public void Register(IServiceCollection services, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddModuleDbContext<ShippingDbContext, SqliteShippingDbContext, SqlServerShippingDbContext, PostgreSqlShippingDbContext>(
            ModuleName, Schema, context.Database, [.. Assemblies]);
        services.AddOptions<ShippingOptions>().Bind(context.Configuration.GetSection(ShippingOptions.Section))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.TrackingWebhookSecret) && o.TrackingWebhookSecret.Length >= 16,
                $"{ShippingOptions.Section}:TrackingWebhookSecret is not set: set it to the secret (16 characters or more) carriers sign tracking events with.")
            .ValidateOnStart();
        RegisterShipments(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var shipping = endpoints.MapGroup("/api/v1").WithTags(ModuleName);
        var reads = shipping.MapGroup(string.Empty).RequireAuthorization(ApiScopes.ShippingRead);
        GetShipmentEndpoint.Map(reads);
        ReceiveTrackingEventEndpoint.Map(shipping); // signed by the carrier, not an API key
    }

    /// <summary>Shipments: made when a fulfillment is packed, labels bought by the outbox, tracking events applied.</summary>
    private static void RegisterShipments(IServiceCollection services)
    {
        services.AddScoped<LabelCarrierChoice>();
        services.AddScoped<IInternalCommandHandler<BuyLabel>, BuyLabelHandler>();
    }
}
