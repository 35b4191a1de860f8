using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Caravan.Access.Features.MachineClients;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Caravan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Caravan.Web.Tests;

/// <summary>
/// National systems get OAuth 2.0 client-credentials tokens from the platform, authenticating with a signed
/// assertion (private_key_jwt); the token carries their organisation and grant, and the API holds them to it.
/// </summary>
public abstract class MachineClientTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, string>> OrganisationIdsAsync()
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var all = await admin.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/organisations", UriKind.Relative), Ct);
        return all!.ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("id").GetString()!);
    }

    private async Task<string> RegisterAsync(ECDsa key, string organisationId, Grant grant)
    {
        var clientId = "test-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMachineClientRegistry>().CreateAsync(
            clientId, "Test national system", Guid.Parse(organisationId), grant, key.ExportSubjectPublicKeyInfoPem(), developmentSecret: false, Ct);
        return clientId;
    }

    /// <summary>An RFC 7523 client assertion: issued by the client, for the platform, short-lived, signed ES256.</summary>
    private static string Assertion(string clientId, ECDsa key, string audience = "http://localhost/") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("jti", Guid.NewGuid().ToString())]),
            IssuedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            NotBefore = TimeProvider.System.GetUtcNow().UtcDateTime,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(2),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256),
            // The explicit type of a client assertion (draft-ietf-oauth-rfc7523bis), which OpenIddict checks.
            TokenType = "client-authentication+jwt",
        });

    private async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string assertion)
    {
        using var client = factory.CreateClient();
        return await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        }), Ct);
    }

    private HttpClient WithToken(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_client_with_a_signed_assertion_gets_a_token_that_works_within_its_country_only()
    {
        factory.SkipUnlessAvailable();
        var ids = await OrganisationIdsAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = await RegisterAsync(key, ids["Customs administration of Kazakhstan (demo)"], new Grant(Roles.NationalSystem, Scope.Country("KZ")));

        var response = await RequestTokenAsync(clientId, Assertion(clientId, key));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;
        using var api = WithToken(token);
        var me = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative), Ct);
        Assert.Equal("client", me.GetProperty("kind").GetString());
        Assert.Equal(["national-system@country:KZ"], me.GetProperty("grants").EnumerateArray().Select(g => g.GetString()));
        var inside = await api.GetAsync(new Uri($"/api/v1/organisations/{ids["Steppe Cotton LLP (demo)"]}", UriKind.Relative), Ct);
        var outside = await api.GetAsync(new Uri($"/api/v1/organisations/{ids["Tianshan Textiles Co., Ltd. (demo)"]}", UriKind.Relative), Ct);
        var create = await api.PostAsJsonAsync(new Uri("/api/v1/organisations", UriKind.Relative), new { kind = "City", name = "Not allowed", country = "KZ" }, Ct);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_gets_no_token()
    {
        factory.SkipUnlessAvailable();
        var ids = await OrganisationIdsAsync();
        using var registered = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = await RegisterAsync(registered, ids["Customs administration of China (demo)"], new Grant(Roles.NationalSystem, Scope.Country("CN")));

        var response = await RequestTokenAsync(clientId, Assertion(clientId, impostor));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_a_problem()
    {
        factory.SkipUnlessAvailable();
        var ids = await OrganisationIdsAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = await RegisterAsync(key, ids["Customs administration of Kazakhstan (demo)"], new Grant(Roles.NationalSystem, Scope.Country("KZ")));
        var token = (await (await RequestTokenAsync(clientId, Assertion(clientId, key))).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;

        // Claim a platform-wide grant by editing the payload; the signature no longer matches.
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("national-system@country:KZ", "administrator@platform", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        using var api = WithToken(forged);
        var response = await api.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_demo_trader_client_sees_only_its_own_organisation()
    {
        factory.SkipUnlessAvailable();
        using var client = factory.CreateClient();
        var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-trader-kz",
            ["client_secret"] = "demo-secret-trader-kz",
        }), Ct);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;

        using var api = WithToken(token);
        var visible = await api.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/organisations", UriKind.Relative), Ct);

        Assert.Equal(["Steppe Cotton LLP (demo)"], visible!.Select(o => o.GetProperty("name").GetString()));
    }
}

/// <summary>The demo platform with two-second access tokens, to see one expire.</summary>
public sealed class ShortLivedTokenFactory() : DemoWebFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Caravan:Security:AccessTokenLifetimeSeconds"] = "2" };
}

public sealed class TokenExpiryTests(ShortLivedTokenFactory factory) : IClassFixture<ShortLivedTokenFactory>
{
    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-customs-kz",
            ["client_secret"] = "demo-secret-customs-kz",
        }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var token = body.GetProperty("access_token").GetString()!;
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var fresh = await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);

        await Task.Delay(TimeSpan.FromSeconds(3.5), TestContext.Current.CancellationToken);
        var stale = await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 1, 2);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        // OpenIddict names the expiry: ID2019, "The specified token is no longer valid."
        Assert.Contains("no longer valid", stale.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}

public sealed class MachineClientsOnSqlite(SqliteDemoWebFactory factory) : MachineClientTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class MachineClientsOnPostgres(PostgresDemoWebFactory factory) : MachineClientTests(factory), IClassFixture<PostgresDemoWebFactory>;
