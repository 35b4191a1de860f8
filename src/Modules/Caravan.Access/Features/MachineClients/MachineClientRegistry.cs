using System.Security.Cryptography;
using System.Text.Json;
using Caravan.Platform.Security;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Caravan.Access.Features.MachineClients;

/// <summary>A registered machine client, as an operator sees it after creating one.</summary>
public sealed record MachineClientInfo(string ClientId, string DisplayName, string OrganisationId, string Grant, string Authentication, string? Secret);

/// <summary>
/// Registers machine clients (a national customs system, an issuer's system) as OAuth 2.0 confidential clients
/// allowed the client-credentials grant. The preferred authentication is a signed assertion (private_key_jwt):
/// only the client's public key is stored. A secret is for development only; it is shown once, stored hashed.
/// </summary>
public sealed class MachineClientRegistry(IOpenIddictApplicationManager applications)
{
    public const string GrantProperty = "caravan_grant";
    public const string OrganisationProperty = "caravan_org";

    public async Task<MachineClientInfo> CreateAsync(
        string clientId, string displayName, Guid organisationId, Grant grant, string? publicKeyPem, bool developmentSecret, CancellationToken cancellationToken = default)
    {
        if (!RoleDefinition.IsValid(grant))
        {
            throw new ArgumentException($"'{grant}' is not a valid grant: the role must exist and be granted within its kind of scope.", nameof(grant));
        }

        if ((publicKeyPem is null) == !developmentSecret)
        {
            throw new ArgumentException("Give exactly one of a public key (private_key_jwt, preferred) or --dev-secret.", nameof(publicKeyPem));
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
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[GrantProperty] = JsonSerializer.SerializeToElement(grant.ToString());
        descriptor.Properties[OrganisationProperty] = JsonSerializer.SerializeToElement(organisationId.ToString());

        string? secret = null;
        if (publicKeyPem is not null)
        {
            descriptor.JsonWebKeySet = new JsonWebKeySet();
            descriptor.JsonWebKeySet.Keys.Add(ToJsonWebKey(publicKeyPem));
        }
        else
        {
            secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            descriptor.ClientSecret = secret;
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return new MachineClientInfo(clientId, displayName, organisationId.ToString(), grant.ToString(), publicKeyPem is null ? "client_secret (development)" : "private_key_jwt", secret);
    }

    /// <summary>Registers a client with a given development secret (the demo's, which the README publishes).</summary>
    internal async Task CreateWithSecretAsync(string clientId, string displayName, Guid organisationId, Grant grant, string secret, CancellationToken cancellationToken)
    {
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
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>An EC or RSA public key in PEM (SubjectPublicKeyInfo) as a JSON Web Key.</summary>
    public static JsonWebKey ToJsonWebKey(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(publicKeyPem);
            return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ec));
        }
        catch (ArgumentException)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(publicKeyPem);
            return JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        }
    }
}
