using System.Net;
using System.Net.Http.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests.Tariff;

/// <summary>The portal's pages as a visitor reads them (no sign-in), with the demo's illustrative samples.</summary>
public sealed class TariffPagesTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var client = await factory.ClientAsync(null);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task The_portal_finds_a_heading_and_its_page_shows_each_countrys_duties_and_documents_marked_illustrative()
    {
        factory.SkipUnlessAvailable();

        var (searchStatus, search) = await GetAsync("/tariff?q=cotton%20yarn");
        var (status, heading) = await GetAsync("/tariff/hs/5205");

        Assert.Equal(HttpStatusCode.OK, searchStatus);
        Assert.Contains("href=\"/tariff/hs/5205\"", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Illustrative sample, not legal data", heading, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lines-KZ\"", heading, StringComparison.Ordinal);
        Assert.Contains("5205120000", heading, StringComparison.Ordinal);
        Assert.Contains("16%", heading, StringComparison.Ordinal); // Kazakhstan's VAT on the EAEU line
        Assert.Contains("12%", heading, StringComparison.Ordinal); // Kyrgyzstan's
        Assert.Contains("Common Customs Tariff of the Eurasian Economic Union", heading, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"requirements-UZ\"", heading, StringComparison.Ordinal);
        Assert.Contains("Certificate of origin", heading, StringComparison.Ordinal);
        Assert.Contains("/tariff/calculator?hsCode=5205120000&destination=KZ", heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calculator_page_shows_each_charge_the_rate_used_and_the_total()
    {
        factory.SkipUnlessAvailable();

        var (status, html) = await GetAsync("/tariff/calculator?hsCode=5205120000&origin=CN&destination=KZ&customsValue=10000&currency=USD&basis=CIF&date=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1,122,700.00 KZT", html, StringComparison.Ordinal);
        Assert.Contains("1 USD = 515 KZT (2026-11-01", html, StringComparison.Ordinal);
        Assert.Contains("KZ's VAT of 16%", html, StringComparison.Ordinal);
        Assert.Contains("not legal data", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calculation_that_cannot_be_made_says_why_by_field_and_keeps_what_was_typed()
    {
        factory.SkipUnlessAvailable();

        var (status, html) = await GetAsync("/tariff/calculator?hsCode=12&origin=CN&destination=KZ&customsValue=abc&currency=USD");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("data-testid=\"calculator-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a number.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consignment_page_tells_the_trader_which_required_document_is_missing()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var lodged = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        var id = (await lodged.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetString();

        var html = WebUtility.HtmlDecode(await trader.GetStringAsync(new Uri($"/consignments/{id}", UriKind.Relative), Ct));

        Assert.Contains("data-testid=\"missing-documents\"", html, StringComparison.Ordinal);
        Assert.Contains("Uzbekistan (import) requires a Certificate of origin (document type certificate-of-origin)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        factory.SkipUnlessAvailable();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/tariff/hs/5299")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/tariff/hs/abc")).Status);
    }
}
