using System.Net;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;

namespace Caravan.Web.Tests;

public sealed class SqliteKestrelFactory() : KestrelWebFactory(DatabaseProvider.Sqlite);

/// <summary>What only the real server decides: how long a request line may be before validation sees it.</summary>
public sealed class KestrelLimitsTests(SqliteKestrelFactory factory) : IClassFixture<SqliteKestrelFactory>
{
    [Fact]
    public async Task A_forty_thousand_character_query_gets_a_problem_naming_the_field_not_a_bare_414()
    {
        using var client = factory.NewSocketClient();

        var response = await client.GetAsync(new Uri("api/v1/hs?q=" + new string('x', 40_000), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Contains("40000 characters", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_local_tls_proxy_pages_are_sent_with_strict_transport_security()
    {
        using var client = factory.NewSocketClient();
        // HSTS is never sent for localhost, so the requests name a real host, as through a proxy.
        using var plain = new HttpRequestMessage(HttpMethod.Get, new Uri("hs", UriKind.Relative));
        plain.Headers.Host = "caravan.example";
        using var direct = await client.SendAsync(plain, TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("hs", UriKind.Relative));
        request.Headers.Host = "caravan.example";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var proxied = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=", proxied.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
