using Microsoft.Extensions.Configuration;

namespace Caravan.Origin;

/// <summary>
/// Where the platform is reachable from outside: the base of every URL written into a credential (status lists,
/// the verification page in the QR code) and of the did:web of issuing bodies registered from now on.
/// </summary>
internal sealed class OriginOptions(IConfiguration configuration)
{
    public const string PublicBaseUrlSetting = "Caravan:PublicBaseUrl";

    public string PublicBaseUrl { get; } = (configuration[PublicBaseUrlSetting] is { Length: > 0 } url ? url : "http://127.0.0.1:5080").TrimEnd('/');

    /// <summary>did:web:host%3Aport:origin:issuers:slug — resolves to {base}/origin/issuers/{slug}/did.json.</summary>
    public string DidFor(string slug)
    {
        var uri = new Uri(PublicBaseUrl);
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}%3A{uri.Port}";
        var path = uri.AbsolutePath.Trim('/');
        var segments = path.Length == 0 ? string.Empty : ":" + string.Join(':', path.Split('/'));
        return $"did:web:{host}{segments}:origin:issuers:{slug}";
    }

    public string StatusListUrl(string slug, string purpose) => $"{PublicBaseUrl}/api/v1/origin/status-lists/{slug}/{purpose}";

    public string VerificationUrl(Guid certificate) => $"{PublicBaseUrl}/verify/{certificate}";
}
