using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderHub.BuildingBlocks.Csv;

/// <summary>
/// An uploaded CSV file that can be read from the start again and again, with its SHA-256, so an import can check the
/// whole file and then apply it row by row without ever holding it in memory. A multipart file is already buffered by
/// ASP.NET Core and is reopened in place; a raw body is copied to a temporary file (deleted on dispose).
/// </summary>
public sealed class CsvUpload : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Func<Stream> _open;
    private readonly string? _temporaryPath;

    private CsvUpload(Func<Stream> open, string sha256, long length, string? temporaryPath)
    {
        _open = open;
        Sha256 = sha256;
        Length = length;
        _temporaryPath = temporaryPath;
    }

    /// <summary>SHA-256 of the file's bytes, lower-case hex: what an Idempotency-Key is bound to.</summary>
    public string Sha256 { get; }

    public long Length { get; }

    /// <summary>
    /// The request body as a CSV upload: a <c>text/csv</c> (or any text) body, or the first file of a multipart form. The
    /// body may be as large as <see cref="ImportOptions.MaxUploadBytes"/> (1 GiB by default), not Kestrel's 30 MB; a
    /// larger one is a 413 problem.
    /// </summary>
    public static async Task<CsvUpload> FromRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxBytes = request.HttpContext.RequestServices.GetService<IOptions<ImportOptions>>()?.Value.MaxUploadBytes
            ?? ImportOptions.DefaultMaxUploadBytes;
        ImportOptions.ApplyTo(request.HttpContext, maxBytes);
        if (!request.HasFormContentType)
        {
            return await FromStreamAsync(request.Body, maxBytes, cancellationToken);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new BadHttpRequestException($"The upload is larger than the {maxBytes:N0} bytes an import takes: {ex.Message}", StatusCodes.Status413PayloadTooLarge);
        }

        return await FromFormFileAsync(
            form.Files.Count > 0 ? form.Files[0] : throw CsvTable.FileProblem("The form holds no file: upload the CSV as a file field."), cancellationToken);
    }

    /// <summary>A multipart file (buffered by ASP.NET Core for the request): hashed once, reopened for each read.</summary>
    public static async Task<CsvUpload> FromFormFileAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return new CsvUpload(file.OpenReadStream, sha256, file.Length, temporaryPath: null);
    }

    /// <summary>A stream read once (a request body): copied to a temporary file, hashed on the way.</summary>
    public static Task<CsvUpload> FromStreamAsync(Stream source, CancellationToken cancellationToken) =>
        FromStreamAsync(source, long.MaxValue, cancellationToken);

    /// <summary>A stream read once, at most <paramref name="maxBytes"/> long (else a 413 problem).</summary>
    public static async Task<CsvUpload> FromStreamAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = Path.Combine(Path.GetTempPath(), $"orderhub-upload-{Guid.NewGuid():N}.csv");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new BadHttpRequestException($"The upload is larger than the {maxBytes:N0} bytes an import takes.", StatusCodes.Status413PayloadTooLarge);
                    }
                }
            }

            return new CsvUpload(
                () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan),
                Convert.ToHexStringLower(hash.GetHashAndReset()),
                length,
                path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Checks the file as a table with these columns (a 400 problem if it is not one) and reads its rows lazily.</summary>
    public CsvTable ReadTable(IReadOnlyCollection<string> knownColumns, IReadOnlyCollection<string> requiredColumns) =>
        CsvTable.Open(OpenText, knownColumns, requiredColumns);

    /// <summary>A new reader from the start of the file (UTF-8; a BOM is skipped).</summary>
    public TextReader OpenText() => new StreamReader(_open(), Encoding.UTF8);

    public void Dispose()
    {
        if (_temporaryPath is null)
        {
            return;
        }

        try
        {
            File.Delete(_temporaryPath);
        }
        catch (IOException)
        {
            // a reader still open on Windows; the temp directory is cleaned by the OS
        }
    }
}
