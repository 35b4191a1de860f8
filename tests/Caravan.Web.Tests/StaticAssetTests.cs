using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The platform's scripts and style sheets travel compressed (the public dashboard's chart library is 1.1 MB as a file),
/// versioned URLs are cached for a year, and pages — which carry antiforgery tokens — are never compressed (BREACH,
/// ADR 0012). Over the real server, as a browser fetches them.
/// </summary>
public sealed class StaticAssetTests(SqliteKestrelFactory factory) : IClassFixture<SqliteKestrelFactory>
{
    private const string ChartLibrary = "lib/echarts/echarts.min.js";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] FileOnDisk(string path) => File.ReadAllBytes(RepositoryFiles.PathOf(["src", "Caravan.Web", "wwwroot", .. path.Split('/')]));

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        using var client = factory.NewSocketClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_chart_library_comes_gzip_at_once_then_brotli_a_third_of_its_size_and_unchanged_once_decoded()
    {
        var original = FileOnDisk(ChartLibrary);

        // Brotli at its smallest is made in the background: meanwhile the same request gets gzip.
        using var first = await GetAsync($"{ChartLibrary}?v=test", "gzip, deflate, br");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstEncoding = Assert.Single(first.Content.Headers.ContentEncoding);
        Assert.Contains(firstEncoding, new[] { "gzip", "br" });

        HttpResponseMessage brotli = first;
        for (var i = 0; i < 100 && brotli.Content.Headers.ContentEncoding.Single() != "br"; i++)
        {
            await Task.Delay(100, Ct);
            brotli = await GetAsync($"{ChartLibrary}?v=test", "gzip, deflate, br");
        }

        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript", brotli.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", brotli.Headers.CacheControl?.ToString());
        var compressed = await brotli.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(compressed.Length, brotli.Content.Headers.ContentLength);
        Assert.True(compressed.Length < original.Length * 0.35, $"{compressed.Length} bytes of brotli for {original.Length}");
        Assert.Equal(original, Decode(compressed, "br"));

        // A client that refuses brotli gets gzip; one that names neither gets the file as it is.
        using var gzip = await GetAsync($"{ChartLibrary}?v=test", "br;q=0, gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Equal(original, Decode(await gzip.Content.ReadAsByteArrayAsync(Ct), "gzip"));
        using var plain = await GetAsync($"{ChartLibrary}?v=test", null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(original, await plain.Content.ReadAsByteArrayAsync(Ct));

        // Revalidation by the compressed copy's own tag costs no body.
        using var again = await GetAsync($"{ChartLibrary}?v=test", "br", brotli.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Unversioned_assets_are_revalidated_and_pages_are_never_compressed()
    {
        using var css = await GetAsync("css/site.css", "gzip");
        Assert.Equal("gzip", Assert.Single(css.Content.Headers.ContentEncoding));
        Assert.Equal("no-cache", css.Headers.CacheControl?.ToString());
        Assert.Equal(FileOnDisk("css/site.css"), Decode(await css.Content.ReadAsByteArrayAsync(Ct), "gzip"));

        // The sign-in page carries an antiforgery token: compressing it beside reflected input would open BREACH.
        using var page = await GetAsync("account/signin?returnUrl=%2Frelease-times", "gzip, br");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(page.Content.Headers.ContentEncoding);

        // Nor any answer of an endpoint not marked as public data (here /api/v1/me refusing a visitor).
        using var token = await GetAsync("api/v1/me", "gzip, br");
        Assert.Empty(token.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("api/v1/analytics/release-times.csv?groupBy=side", "text/csv")]
    [InlineData("api/v1/hs?q=cotton", "application/json")]
    [InlineData("api/v1/border-crossings", "application/json")]
    [InlineData("openapi/v1.json", "application/json")]
    public async Task Public_data_travels_compressed_and_decodes_to_what_an_uncompressed_client_gets(string path, string mediaType)
    {
        using var plain = await GetAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var expected = await plain.Content.ReadAsByteArrayAsync(Ct);

        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var compressed = await GetAsync(path, encoding);
            Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
            Assert.Equal(mediaType, compressed.Content.Headers.ContentType?.MediaType);
            Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            var body = await compressed.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(body.Length < expected.Length, $"{path}: {body.Length} {encoding} bytes for {expected.Length}");
            Assert.Equal(expected, Decode(body, encoding));
        }
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
