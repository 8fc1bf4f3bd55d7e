using Microsoft.OpenApi;
using OrderHub.Web.Access;

namespace OrderHub.Web.Infrastructure;

internal static class SwaggerSetup
{
    public static IServiceCollection AddOrderHubSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "OrderHub API",
                Version = "v1",
                Description = "Orders from every channel to the customer's door. Authenticate with the X-Api-Key header; errors are RFC 9457 problem details.",
            });
            c.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.HeaderName,
                Description = "API key of a web store, POS terminal or integrator.",
            });
            c.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            // Only the REST API is documented: the back-office pages are not an integration surface.
            c.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true);
        });
        return services;
    }
}
