using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Caravan.Origin.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace Caravan.Origin.Signing;

/// <summary>
/// Makes P-256 key pairs and keeps their private halves encrypted with ASP.NET Core Data Protection: the database
/// holds only ciphertext; the key ring that opens it lives in a directory outside the database (ADR 0009). Private
/// keys are opened in memory to sign and never leave the process.
/// </summary>
internal sealed class KeyVault(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Caravan.Origin.SigningKeys.v1");
    private readonly ConcurrentDictionary<string, ECDsa> _private = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ECDsa> _public = new(StringComparer.Ordinal);

    public SigningKey Create(Guid issuer, string did, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. parameters.Q.X!, .. parameters.Q.Y!]))[..8];
        return new SigningKey
        {
            Kid = $"{did}#k-{now:yyyyMMdd}-{fingerprint}",
            IssuerId = issuer,
            X = Base64Url.EncodeToString(parameters.Q.X!),
            Y = Base64Url.EncodeToString(parameters.Q.Y!),
            ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(key.ExportPkcs8PrivateKey())),
            ActiveFrom = now,
        };
    }

    /// <summary>The private key, opened once per process.</summary>
    /// <exception cref="KeyUnavailableException">The key ring that encrypted it is not on this server.</exception>
    public ECDsa Signer(SigningKey key) => _private.GetOrAdd(key.Kid, _ =>
    {
        byte[] pkcs8;
        try
        {
            pkcs8 = _protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey));
        }
        catch (CryptographicException e)
        {
            throw new KeyUnavailableException(key.Kid, e);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out int _);
        CryptographicOperations.ZeroMemory(pkcs8);
        return ecdsa;
    });

    /// <summary>The public key from its published coordinates, as any verifier would build it from the JWKS.</summary>
    public ECDsa Verifier(string kid, string x, string y) => _public.GetOrAdd(kid, _ => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) },
    }));
}

/// <summary>
/// A signing key whose private half this server cannot decrypt: the data-protection key ring it was encrypted with
/// is missing (a new server without the shared key directory). Restore the key ring, or rotate the issuer's key.
/// </summary>
internal sealed class KeyUnavailableException(string kid, Exception inner)
    : Exception($"The private key {kid} cannot be opened on this server: its data-protection key ring is missing.", inner)
{
    public string Kid { get; } = kid;
}
