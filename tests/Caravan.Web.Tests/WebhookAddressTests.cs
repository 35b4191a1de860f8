using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// On a production-like host (no plain HTTP, no private networks) a webhook cannot point into the platform's own
/// network: loopback, RFC 1918, link-local or unique-local addresses are refused by field; a public endpoint is kept.
/// </summary>
public sealed class WebhookAddressTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.20.30.40/hook")]
    [InlineData("https://192.168.1.5/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("http://customs.example.kz/caravan")]
    public async Task A_webhook_into_a_private_network_or_over_plain_http_is_refused_naming_the_url(string url)
    {
        var kz = await factory.MachineClientAsync("demo-customs-kz");

        var response = await kz.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url, eventTypes = new[] { "*" } }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _));
        Assert.DoesNotContain((await kz.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/webhooks", UriKind.Relative), Ct))!, w => w.GetProperty("url").GetString() == url);
    }

    [Fact]
    public async Task A_public_https_endpoint_is_registered()
    {
        var kz = await factory.MachineClientAsync("demo-customs-kz");

        var response = await kz.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = "https://customs.example.kz/caravan/events", eventTypes = new[] { "control.created" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
