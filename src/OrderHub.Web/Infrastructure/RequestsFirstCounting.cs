using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Web.Infrastructure;

/// <summary>Counts every request while it is answered, so background deliveries give way to it (<see cref="RequestsFirst"/>).</summary>
internal static class RequestsFirstCounting
{
    public static IApplicationBuilder UseRequestsFirst(this IApplicationBuilder app)
    {
        var requestsFirst = app.ApplicationServices.GetRequiredService<RequestsFirst>();
        return app.Use(async (context, next) =>
        {
            using var request = requestsFirst.Serve();
            await next(context);
        });
    }
}
