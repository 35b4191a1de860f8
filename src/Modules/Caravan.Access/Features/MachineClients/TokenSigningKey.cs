using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Caravan.Access.Features.MachineClients;

/// <summary>
/// The key that signs access tokens (ES256). It lives in a PEM file so that a restart keeps tokens valid and
/// several instances can share it (mount the same file); it is created on first use with owner-only access.
/// </summary>
internal static class TokenSigningKey
{
    public static SecurityKey LoadOrCreate(string path)
    {
        var ecdsa = ECDsa.Create();
        if (File.Exists(path))
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            ecdsa.GenerateKey(ECCurve.NamedCurves.nistP256);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                // Created owner-only from the first byte; if another instance created it meanwhile, use theirs.
                using (var writer = new StreamWriter(path, options))
                {
                    writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                ecdsa.ImportFromPem(File.ReadAllText(path));
            }
        }

        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()))[..16];
        return key;
    }
}
