using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderHub.BuildingBlocks.Csv;

/// <summary>
/// <c>OrderHub:Imports</c>: how large a CSV upload may be. Imports stream the file (a temporary file, read row by row),
/// so the limit is about disk and time, not memory; Kestrel's 30 MB default for other requests does not apply to them.
/// </summary>
public sealed class ImportOptions
{
    public const string SectionName = "OrderHub:Imports";

    public const long DefaultMaxUploadBytes = 1L << 30; // 1 GiB

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>
    /// Lifts this request's body limit (Kestrel's <c>MaxRequestBodySize</c>, 30 MB by default) and its multipart limit to
    /// <paramref name="maxBytes"/>. Call before the body is read (the endpoint or an authorization filter).
    /// </summary>
    public static void ApplyTo(HttpContext context, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.HasFormContentType && context.Features.Get<IFormFeature>() is not { Form: not null })
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
        }
    }
}
