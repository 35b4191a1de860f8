using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests.Tariff;

/// <summary>
/// The trade information portal through the API, with the demo's illustrative samples: a heading's lines and
/// requirements per country, the calculator, imports by an administrator, and the warning a trader gets when lodging
/// without a document the route requires.
/// </summary>
public abstract class TariffApiTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_heading_shows_each_countrys_lines_and_requirements_all_marked_illustrative()
    {
        factory.SkipUnlessAvailable();
        var anonymous = await factory.ClientAsync(null);

        var heading = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/tariff/5205", UriKind.Relative), Ct);

        var countries = heading.GetProperty("countries").EnumerateArray().ToDictionary(c => c.GetProperty("country").GetString()!);
        Assert.Equal(["CN", "KG", "KZ", "TJ", "TM", "UZ"], countries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("EAEU", countries["KZ"].GetProperty("schedule").GetString());
        Assert.Equal("EAEU", countries["KG"].GetProperty("schedule").GetString());
        Assert.Equal("5205120000", countries["KZ"].GetProperty("lines")[0].GetProperty("line").GetString());
        Assert.Equal("5%", countries["KZ"].GetProperty("lines")[0].GetProperty("duty").GetString());
        Assert.Equal(16m, countries["KZ"].GetProperty("lines")[0].GetProperty("vatByCountry").GetProperty("KZ").GetDecimal());
        Assert.Equal("52051200", countries["CN"].GetProperty("lines")[0].GetProperty("line").GetString());
        Assert.Equal("certificate-of-origin", countries["UZ"].GetProperty("requirements")[0].GetProperty("kind").GetString());
        Assert.All(countries.Values.SelectMany(c => c.GetProperty("lines").EnumerateArray()), l => Assert.True(l.GetProperty("illustrative").GetBoolean()));
    }

    [Fact]
    public async Task The_calculator_answers_with_every_charge_and_refuses_bad_input_by_field()
    {
        factory.SkipUnlessAvailable();
        var anonymous = await factory.ClientAsync(null);

        using var ok = await anonymous.PostAsJsonAsync(new Uri("/api/v1/tariff/calculations", UriKind.Relative),
            new { hsCode = "5205120000", origin = "CN", destination = "KZ", customsValue = 10000, currency = "USD", valuationBasis = "CIF", date = "2026-11-30" }, Ct);
        var result = await ok.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var bad = await anonymous.PostAsJsonAsync(new Uri("/api/v1/tariff/calculations", UriKind.Relative), new { hsCode = "12", destination = "FR", customsValue = 0 }, Ct);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1_122_700m, result.GetProperty("total").GetDecimal());
        Assert.Equal(["import-duty", "vat"], result.GetProperty("charges").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        foreach (var field in new[] { "hsCode", "destination", "customsValue", "origin", "currency" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task An_administrator_imports_through_the_api_a_broken_file_is_refused_by_line_and_column()
    {
        factory.SkipUnlessAvailable();
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        const string Header = "country,direction,hs_from,hs_to,kind,title,legal_source,valid_from,valid_to,illustrative\n";

        using var broken = await admin.PostAsync(new Uri("/api/v1/tariff/imports?file=req.csv", UriKind.Relative),
            new StringContent(Header + "KZ,import,0901,0901,phytosanitary-certificate,Coffee,Test,2026-01-01,,true\nKZ,inbound,0902,0902,stamp,Tea,Test,2026-01-01,,true\n", Encoding.UTF8, "text/csv"), Ct);
        var problem = await broken.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var coffeeBefore = await (await factory.ClientAsync(null)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/tariff/requirements?country=KZ&hsCode=090111", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 3, column 2 (direction)", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 3, column 5 (kind)", out _), problem.ToString());
        Assert.Equal(0, coffeeBefore.GetArrayLength());

        using var imported = await admin.PostAsync(new Uri("/api/v1/tariff/imports?file=req.csv", UriKind.Relative),
            new StringContent(Header + "KZ,import,0901,0901,phytosanitary-certificate,Coffee beans,Test,2026-01-01,,true\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var coffee = await (await factory.ClientAsync(null)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/tariff/requirements?country=KZ&hsCode=090111", UriKind.Relative), Ct);
        Assert.Equal("Coffee beans", coffee[0].GetProperty("title").GetString());

        using var trader = await (await factory.ClientAsync(DemoPerson.TraderKz)).PostAsync(new Uri("/api/v1/tariff/imports", UriKind.Relative), new StringContent(Header, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, trader.StatusCode);
    }

    [Fact]
    public async Task Lodging_without_a_document_the_route_requires_is_accepted_with_a_warning_that_names_it()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);

        using var without = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        var lodged = await without.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var declaration = JsonSerializer.SerializeToNode(Declarations.CottonYarnChinaKazakhstanUzbekistan(), JsonSerializerOptions.Web)!.AsObject();
        declaration["documents"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "certificate-of-origin", ["number"] = "CN-2026-000118", ["issuer"] = "CCPIT Xinjiang" });
        using var with = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), declaration, Ct);
        var complete = await with.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Created, without.StatusCode);
        var missing = Assert.Single(lodged.GetProperty("missingDocuments").EnumerateArray());
        Assert.Equal(("UZ", "import", "certificate-of-origin"), (missing.GetProperty("country").GetString(), missing.GetProperty("direction").GetString(), missing.GetProperty("kind").GetString()));
        Assert.Equal([0], missing.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()));
        Assert.True(missing.GetProperty("illustrative").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        Assert.Equal(0, complete.GetProperty("missingDocuments").GetArrayLength());
        var read = await trader.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{lodged.GetProperty("id").GetString()}", UriKind.Relative), Ct);
        Assert.Single(read.GetProperty("missingDocuments").EnumerateArray());
    }
}

public sealed class TariffApiOnSqlite(SqliteDemoWebFactory factory) : TariffApiTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class TariffApiOnPostgres(PostgresDemoWebFactory factory) : TariffApiTests(factory), IClassFixture<PostgresDemoWebFactory>;
