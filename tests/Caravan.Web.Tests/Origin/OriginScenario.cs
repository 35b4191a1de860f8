using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests.Origin;

/// <summary>
/// The steps of the certificate workflow as the demo people take them through the API: the Kazakh trader applies to
/// Kazakhstan's demo issuing body, its issuer approves, anyone verifies.
/// </summary>
internal sealed class OriginScenario(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<JsonElement> IssuerKzAsync()
    {
        var anonymous = await factory.ClientAsync(null);
        var list = (await anonymous.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/origin/trust-list", UriKind.Relative), Ct))!;
        return list.Single(i => i.GetProperty("slug").GetString() == "issuer-kz");
    }

    public static object Application(string issuer, string? consignment = null, string description = "Cotton yarn, single, combed, 14 tex", object? items = null) => new
    {
        issuingBody = issuer,
        consignmentId = consignment,
        exporter = new { name = "Steppe Cotton LLP", address = "12 Abay Avenue, Shymkent", country = "KZ", identifier = "210440012348" },
        importer = new { name = "Tashkent Weaving LLC", address = "5 Amir Temur Street, Tashkent", country = "UZ", identifier = "301234567" },
        importingCountry = "UZ",
        items = items ?? new[]
        {
            new { hsCode = "520523", description, quantity = 18000m, unit = "KGM", grossMassKg = 18600m, countryOfOrigin = "KZ", originCriterion = "wholly-obtained", invoiceValue = 52200m, currency = "USD" },
        },
        transport = new { mode = "2", means = "Wagon 52841037", departureDate = "2026-12-03", route = "Saryagash – Keles" },
    };

    public async Task<JsonElement> ApplyAsync(object? application = null)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var issuer = (await IssuerKzAsync()).GetProperty("id").GetString()!;
        using var response = await trader.PostAsJsonAsync(new Uri("/api/v1/origin/applications", UriKind.Relative), application ?? Application(issuer), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<HttpResponseMessage> ReviewAsync(string application, object decision)
    {
        var issuer = await factory.ClientAsync(DemoPerson.IssuerKz);
        return await issuer.PostAsJsonAsync(new Uri($"/api/v1/origin/applications/{application}/review", UriKind.Relative), decision, Ct);
    }

    /// <summary>Applies and has it approved; the certificate's id and its token.</summary>
    public async Task<(string Id, string Token)> IssueAsync(object? application = null)
    {
        var applied = await ApplyAsync(application);
        using var approved = await ReviewAsync(applied.GetProperty("id").GetString()!, new { decision = "approve" });
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, body.ToString());
        var id = body.GetProperty("certificateId").GetString()!;
        return (id, await TokenAsync(id));
    }

    public async Task<string> TokenAsync(string certificate)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var response = await trader.GetAsync(new Uri($"/api/v1/certificates/{certificate}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Verification as the public does it: anonymous, the token as the body.</summary>
    public async Task<JsonElement> VerifyAsync(string token, DateTimeOffset? at = null)
    {
        var anonymous = await factory.ClientAsync(null);
        using var response = at is null
            ? await anonymous.PostAsync(new Uri("/api/v1/certificates/verify", UriKind.Relative), new StringContent(token, System.Text.Encoding.ASCII, "application/vc+jwt"), Ct)
            : await anonymous.PostAsJsonAsync(new Uri("/api/v1/certificates/verify", UriKind.Relative), new { token, at }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<HttpResponseMessage> ChangeStatusAsync(string certificate, string status, string? reason)
    {
        var issuer = await factory.ClientAsync(DemoPerson.IssuerKz);
        return await issuer.PostAsJsonAsync(new Uri($"/api/v1/certificates/{certificate}/status", UriKind.Relative), new { status, reason }, Ct);
    }

    public static string Outcome(JsonElement result, string check) => result.GetProperty(check).GetProperty("outcome").GetString()!;

    public static string Code(JsonElement result, string check) => result.GetProperty(check).GetProperty("code").GetString()!;
}
