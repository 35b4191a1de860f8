using System.Security.Cryptography;
using System.Text.Json;
using Caravan.Access.Data;
using Caravan.Platform.Audit;
using Caravan.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Caravan.Access.Features.MachineClients;

/// <summary>A registered machine client, as an operator sees it after creating one.</summary>
public sealed record MachineClientInfo(string ClientId, string DisplayName, string OrganisationId, string Grant, string Authentication, string? Secret);

/// <summary>How an operator (<c>caravan clients create</c>) registers a machine client.</summary>
public interface IMachineClientRegistry
{
    /// <param name="publicKeyPem">The client's public key (SubjectPublicKeyInfo PEM, EC P-256 or RSA); preferred.</param>
    /// <param name="developmentSecret">Instead of a key: generate a secret, returned once (development only).</param>
    /// <exception cref="ArgumentException">The grant, organisation or key is not acceptable; the message says why.</exception>
    Task<MachineClientInfo> CreateAsync(string clientId, string displayName, Guid organisationId, Grant grant, string? publicKeyPem, bool developmentSecret, CancellationToken cancellationToken = default);
}

/// <summary>
/// Registers machine clients (a national customs system, an issuer's system) as OAuth 2.0 confidential clients
/// allowed the client-credentials grant. The preferred authentication is a signed assertion (private_key_jwt):
/// only the client's public key is stored. A secret is for development only; it is shown once, stored hashed.
/// A machine never holds a role that requires a person's second factor (administrator, officer, analyst, issuer).
/// </summary>
internal sealed class MachineClientRegistry(IOpenIddictApplicationManager applications, AccessDbContext db, IAuditLog audit) : IMachineClientRegistry
{
    public const string GrantProperty = "caravan_grant";
    public const string OrganisationProperty = "caravan_org";

    public async Task<MachineClientInfo> CreateAsync(
        string clientId, string displayName, Guid organisationId, Grant grant, string? publicKeyPem, bool developmentSecret, CancellationToken cancellationToken = default)
    {
        if ((publicKeyPem is null) == !developmentSecret)
        {
            throw new ArgumentException("Give exactly one of a public key (private_key_jwt, preferred) or --dev-secret.", nameof(publicKeyPem));
        }

        var key = publicKeyPem is null ? null : ToJsonWebKey(publicKeyPem);
        var secret = developmentSecret ? Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)) : null;
        return await RegisterAsync(clientId, displayName, organisationId, grant, key, secret, "caravan-cli", cancellationToken);
    }

    /// <summary>Registers a client with a given development secret (the demo's, which the README publishes).</summary>
    internal Task<MachineClientInfo> CreateWithSecretAsync(string clientId, string displayName, Guid organisationId, Grant grant, string secret, CancellationToken cancellationToken) =>
        RegisterAsync(clientId, displayName, organisationId, grant, null, secret, "demo", cancellationToken);

    private async Task<MachineClientInfo> RegisterAsync(
        string clientId, string displayName, Guid organisationId, Grant grant, JsonWebKey? key, string? secret, string registeredBy, CancellationToken cancellationToken)
    {
        if (!RoleDefinition.IsValid(grant))
        {
            throw new ArgumentException($"'{grant}' is not a valid grant: the role must exist and be granted within its kind of scope.", nameof(grant));
        }

        if (Roles.Find(grant.Role)!.RequiresSecondFactor)
        {
            throw new ArgumentException($"A machine client cannot be a {grant.Role}: that role requires a person's second factor. National systems are {Roles.NationalSystem}.", nameof(grant));
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new ArgumentException($"There is no organisation {organisationId}.", nameof(organisationId));
        if ((grant.Scope.Kind == ScopeKind.Country && grant.Scope.Id != organisation.Country)
            || (grant.Scope.Kind == ScopeKind.Organisation && grant.Scope.Id != organisation.Id.ToString()))
        {
            throw new ArgumentException($"The grant {grant} does not match the organisation {organisation.Name} ({organisation.Country}).", nameof(grant));
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"A client '{clientId}' already exists.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = displayName,
            ClientType = ClientTypes.Confidential,
            ClientSecret = secret,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[GrantProperty] = JsonSerializer.SerializeToElement(grant.ToString());
        descriptor.Properties[OrganisationProperty] = JsonSerializer.SerializeToElement(organisationId.ToString());
        if (key is not null)
        {
            descriptor.JsonWebKeySet = new JsonWebKeySet();
            descriptor.JsonWebKeySet.Keys.Add(key);
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        var authentication = key is null ? "client_secret (development)" : "private_key_jwt";
        await audit.AppendAsync(
            new AuditRecord(AuditActorKind.System, registeredBy, "access.client.created", "client", clientId)
            {
                OrganisationId = organisationId.ToString(),
                Change = new { grant = grant.ToString(), authentication, key?.Kid },
            },
            cancellationToken);
        return new MachineClientInfo(clientId, displayName, organisationId.ToString(), grant.ToString(), authentication, secret);
    }

    /// <summary>
    /// A public key in PEM (SubjectPublicKeyInfo, EC or RSA) as a JSON Web Key holding only public parameters.
    /// A private key is refused: it must never leave the client.
    /// </summary>
    public static JsonWebKey ToJsonWebKey(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        if (publicKeyPem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("This is a private key. Give the public key only (openssl ec -in key.pem -pubout); the private key stays with the client.", nameof(publicKeyPem));
        }

        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(publicKeyPem);
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(includePrivateParameters: false))));
            jwk.Kid = Thumbprint(jwk);
            return jwk;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            try
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(publicKeyPem);
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)));
                jwk.Kid = Thumbprint(jwk);
                return jwk;
            }
            catch (Exception inner) when (inner is CryptographicException or ArgumentException)
            {
                throw new ArgumentException("The file is not a PEM public key (EC P-256 or RSA): " + inner.Message, nameof(publicKeyPem), inner);
            }
        }
    }

    private static string Thumbprint(JsonWebKey key) => Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
}
