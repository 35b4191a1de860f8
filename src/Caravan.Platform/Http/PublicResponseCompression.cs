using Microsoft.AspNetCore.Builder;

namespace Caravan.Platform.Http;

/// <summary>
/// Endpoint metadata: the answer is public reference or aggregate data, the same for every caller, carrying no
/// secret (no token, no personal data), so compressing it cannot leak anything through its length (BREACH; ADR 0012).
/// The host compresses only answers of endpoints marked so; pages and every other API answer stay uncompressed.
/// </summary>
public sealed class PublicCompressibleResponse
{
    public static readonly PublicCompressibleResponse Instance = new();

    private PublicCompressibleResponse()
    {
    }
}

public static class PublicResponseCompressionExtensions
{
    /// <summary>Marks the endpoint (or every endpoint of a group) as public data that may travel compressed.</summary>
    public static TBuilder CompressPublicResponse<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PublicCompressibleResponse.Instance);
}
