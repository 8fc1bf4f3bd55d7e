using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Csv;

namespace OrderHub.Web.Infrastructure;

/// <summary>
/// Lets a back-office upload be as large as <c>OrderHub:Imports:MaxUploadBytes</c> (not Kestrel's 30 MB or the form's
/// 128 MB): runs before the anti-forgery check and model binding read the form, as <c>[RequestSizeLimit]</c> would with a
/// configured value.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ImportUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before <c>[ValidateAntiForgeryToken]</c> (1000), as the framework's request-size filters (900).</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value;
        ImportOptions.ApplyTo(context.HttpContext, options.MaxUploadBytes);
    }
}
