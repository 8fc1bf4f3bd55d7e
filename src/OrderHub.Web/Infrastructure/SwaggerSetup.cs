using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OrderHub.Web.Access;

namespace OrderHub.Web.Infrastructure;

/// <summary>Bound from <c>OrderHub:Swagger</c>.</summary>
public sealed class SwaggerSettings
{
    public const string SectionName = "OrderHub:Swagger";

    /// <summary>Serve <c>/swagger</c> (UI and JSON). Unset: on in Development only, so production does not publish its API map.</summary>
    public bool? Enabled { get; set; }

    public bool IsEnabled(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}

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

    public static WebApplication UseOrderHubSwagger(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<SwaggerSettings>>().Value.IsEnabled(app.Environment))
        {
            return app;
        }

        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "OrderHub API v1");
            o.DocumentTitle = "OrderHub API";
        });
        return app;
    }
}
