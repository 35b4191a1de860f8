using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Caravan.Web.Infrastructure;

/// <summary>
/// Serves the platform's own text assets (scripts, style sheets, SVG) Brotli- or gzip-compressed, compressed once per
/// file and encoding and kept in memory: the public dashboard's chart library is 1.1 MB as a file and about a third
/// of that on the wire. Only files from the web root are compressed here — never pages, which carry antiforgery
/// tokens beside what a visitor typed (BREACH; ADR 0012); API answers are compressed only when their endpoint is marked
/// public (<see cref="PublicResponseCompression"/>). A request
/// that accepts neither encoding, a range request, or any other file goes on to the static file middleware as before.
/// </summary>
internal sealed class StaticAssetCompression(RequestDelegate next, IWebHostEnvironment environment)
{
    /// <summary>Extensions worth compressing: text. Images other than SVG and fonts are compressed already.</summary>
    private static readonly HashSet<string> CompressibleExtensions = new(StringComparer.OrdinalIgnoreCase) { ".js", ".css", ".svg", ".json", ".txt", ".map" };

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Compressions by file version (path, time, length) and encoding: a changed file is compressed anew.</summary>
    private readonly ConcurrentDictionary<(string Path, long Ticks, long Length, string Encoding), Lazy<Task<byte[]>>> _cache = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.ContainsKey(HeaderNames.Range)
            || !request.Path.HasValue
            || !IsCompressible(request.Path)
            || Negotiate(request.Headers.AcceptEncoding) is not { } encoding)
        {
            await next(context);
            return;
        }

        var file = environment.WebRootFileProvider.GetFileInfo(request.Path.Value);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            await next(context);
            return;
        }

        // Brotli at its smallest takes a second and a half for the chart library: the first requests get gzip (tens of
        // milliseconds) while Brotli is made in the background, then Brotli from memory.
        var compression = Compression(file, request.Path.Value, encoding);
        if (encoding == "br" && !compression.IsCompletedSuccessfully)
        {
            encoding = Negotiate(request.Headers.AcceptEncoding, brotli: false);
            if (encoding is null)
            {
                await next(context);
                return;
            }

            compression = Compression(file, request.Path.Value, encoding);
        }

        // A tag of its own per encoding, from the file's time and length as the static file middleware makes its own.
        var etag = $"\"{file.LastModified.UtcTicks:x}-{file.Length:x}-{encoding}\"";
        var response = context.Response;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        response.Headers.ETag = etag;
        response.Headers.LastModified = file.LastModified.ToString("R");
        response.Headers.CacheControl = StaticAssetCaching.CacheControl(request);
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var bytes = await compression;
        response.ContentType = contentType;
        response.Headers.ContentEncoding = encoding;
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    public static bool IsCompressible(PathString path) => path.HasValue && CompressibleExtensions.Contains(Path.GetExtension(path.Value));

    /// <summary>br if the client accepts it, else gzip, else null; an encoding with q=0 is refused (RFC 9110 12.5.3).</summary>
    internal static string? Negotiate(StringValues acceptEncoding, bool brotli = true)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var values))
        {
            return null;
        }

        double Quality(string name) =>
            values.Where(v => v.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || v.Value == "*").Select(v => v.Quality ?? 1).DefaultIfEmpty(0).Max();

        var br = brotli ? Quality("br") : 0;
        var gzip = Quality("gzip");
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : null;
    }

    /// <summary>
    /// The compression of this version of the file, started in the background on first use and kept; one that failed
    /// (a file replaced while it was read, for example) is dropped and started again.
    /// </summary>
    private Task<byte[]> Compression(IFileInfo file, string path, string encoding)
    {
        var key = (path, file.LastModified.UtcTicks, file.Length, encoding);
        var entry = _cache.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => Task.Run(() => CompressAsync(file, encoding))));
        if (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _cache.TryRemove(new KeyValuePair<(string, long, long, string), Lazy<Task<byte[]>>>(key, entry));
            entry = _cache.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => Task.Run(() => CompressAsync(file, encoding))));
        }

        return entry.Value;
    }

    private static async Task<byte[]> CompressAsync(IFileInfo file, string encoding)
    {
        using var output = new MemoryStream();
        await using (var source = file.CreateReadStream())
        await using (Stream compressor = encoding == "br"
            ? new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await source.CopyToAsync(compressor);
        }

        return output.ToArray();
    }
}

/// <summary>Cache lifetimes of the web root's files, compressed or not.</summary>
internal static class StaticAssetCaching
{
    /// <summary>
    /// A URL with the content's hash (<c>asp-append-version</c> adds <c>?v=…</c>) never changes: a year, immutable.
    /// Any other is revalidated on each use (ETag / Last-Modified), so a deployment is seen at once.
    /// </summary>
    public static string CacheControl(HttpRequest request) =>
        request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";

    /// <summary>For the static file middleware's own (uncompressed) answers.</summary>
    public static void Prepare(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        var http = context.Context;
        http.Response.Headers.CacheControl = CacheControl(http.Request);
        if (StaticAssetCompression.IsCompressible(http.Request.Path))
        {
            http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
    }
}
