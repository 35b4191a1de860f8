using System.IO.Compression;
using Caravan.Platform.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caravan.Web.Infrastructure;

/// <summary>
/// Brotli or gzip (at their fastest: these answers are made per request) for the answers of endpoints marked
/// <see cref="PublicCompressibleResponse"/> — public reference data, release-time aggregates and their CSV, the OpenAPI
/// document —, over HTTPS too since they carry no secret. Nothing else is compressed here (ADR 0012).
/// </summary>
internal static class PublicResponseCompression
{
    public static IServiceCollection AddPublicResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "application/problem+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, MarkedEndpointsOnly>());
        return services;
    }

    /// <summary>The framework's choice of encoding and MIME types, asked only for marked endpoints.</summary>
    private sealed class MarkedEndpointsOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            context.GetEndpoint()?.Metadata.GetMetadata<PublicCompressibleResponse>() is not null && base.ShouldCompressResponse(context);
    }
}
