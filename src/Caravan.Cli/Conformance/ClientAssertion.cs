using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Caravan.Cli.Conformance;

/// <summary>
/// A <c>private_key_jwt</c> client assertion (RFC 7523) as a national system signs it: issued by and about the client,
/// for the platform's base address, short-lived, with a fresh <c>jti</c> and the explicit type
/// <c>client-authentication+jwt</c> that the platform checks. Written by hand over System.Security.Cryptography so
/// that the kit shows, in a few lines, exactly what an integrator's own code must produce (ES256 or RS256).
/// </summary>
public static class ClientAssertion
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Signs an assertion with the private key in <paramref name="pem"/> (EC P-256 → ES256, RSA → RS256).</summary>
    /// <exception cref="ArgumentException">The PEM holds no EC P-256 or RSA private key.</exception>
    public static string Create(string clientId, Uri audience, string pem, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(audience);
        using var ec = TryImport(ECDsa.Create, pem);
        using var rsa = ec is null ? TryImport(RSA.Create, pem) : null;
        if (ec is null && rsa is null)
        {
            throw new ArgumentException("the key file holds no EC P-256 or RSA private key in PEM.");
        }

        if (ec is not null && ec.KeySize != 256)
        {
            throw new ArgumentException("an EC key must be on the P-256 curve (ES256).");
        }

        var header = new Dictionary<string, string> { ["alg"] = ec is null ? "RS256" : "ES256", ["typ"] = "client-authentication+jwt" };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = audience.ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
        };
        var signingInput = $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        var data = Encoding.ASCII.GetBytes(signingInput);
        // ECDsa.SignData writes r‖s (IEEE P1363), the form JWS requires for ES256.
        var signature = ec is not null ? ec.SignData(data, HashAlgorithmName.SHA256) : rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Encode(signature)}";
    }

    private static T? TryImport<T>(Func<T> create, string pem)
        where T : AsymmetricAlgorithm
    {
        var key = create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (ArgumentException)
        {
            key.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
