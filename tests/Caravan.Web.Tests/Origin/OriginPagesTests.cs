using Base64Url = System.Buffers.Text.Base64Url;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Testing;

namespace Caravan.Web.Tests.Origin;

/// <summary>
/// The certificate pages over HTTP: public verification (by QR link, pasted token and uploaded PDF) answering each
/// question on its own; the public trust list; the application form refusing by field without storing anything and
/// filling itself from a consignment; and the officer's control page showing the attached certificate verified.
/// </summary>
public sealed class OriginPagesTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly OriginScenario _scenario = new(factory);

    private async Task<string> NumberAsync(string certificate)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/certificates/{certificate}", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await trader.SendAsync(request, Ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
    }

    /// <summary>Posts the public verification form as a browser does (multipart, with its anti-forgery token).</summary>
    private static async Task<(HttpStatusCode Status, string Html)> VerifyOnPageAsync(HttpClient anonymous, string? token, byte[]? pdf = null)
    {
        var page = await anonymous.GetStringAsync(new Uri("/verify", UriKind.Relative), Ct);
        // The verification form's own token (not the language switch's), so that the form is known to carry one.
        var form = page[page.IndexOf("enctype=\"multipart/form-data\"", StringComparison.Ordinal)..];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(SignIn.Token(form[..form.IndexOf("</form>", StringComparison.Ordinal)])), "__RequestVerificationToken" },
            { new StringContent(token ?? string.Empty), "token" },
        };
        if (pdf is not null)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "pdf", "certificate.pdf");
        }

        using var response = await anonymous.PostAsync(new Uri("/verify", UriKind.Relative), content, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Theory]
    [InlineData("/verify")]
    [InlineData("/origin/trust-list")]
    public async Task Anyone_opens_the_verification_page_and_the_trust_list_without_signing_in(string path)
    {
        var anonymous = await factory.ClientAsync(null);

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (path == "/origin/trust-list")
        {
            Assert.Contains("data-slug=\"issuer-kz\"", html, StringComparison.Ordinal);
            Assert.Contains("did:web:", html, StringComparison.Ordinal);
            // No one signed in: no form to change the list or its keys.
            Assert.DoesNotContain("handler=trust", html, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=rotate", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("name=\"token\"", html, StringComparison.Ordinal);
            Assert.Contains("type=\"file\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_page_the_QR_code_opens_says_an_issued_certificate_is_valid_with_its_number_and_four_passed_checks()
    {
        var (id, _) = await _scenario.IssueAsync();
        var number = await NumberAsync(id);
        var anonymous = await factory.ClientAsync(null);

        using var response = await anonymous.GetAsync(new Uri($"/verify/{id}", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-verdict=\"valid\"", html, StringComparison.Ordinal);
        Assert.Contains("Valid certificate of origin", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("Steppe Cotton LLP", html, StringComparison.Ordinal);
        foreach (var check in new[] { "integrity", "issuer", "status", "validity" })
        {
            Assert.Contains($"data-check=\"{check}\" data-outcome=\"passed\"", html, StringComparison.Ordinal);
        }

        using var unknown = await anonymous.GetAsync(new Uri($"/verify/{Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_pasted_token_changed_after_signing_fails_integrity_with_its_reason_and_nothing_else_is_checked()
    {
        var (_, token) = await _scenario.IssueAsync();
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["credentialSubject"]!["exporter"]!["name"] = "Someone Else LLP";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        var anonymous = await factory.ClientAsync(null);

        var (status, html) = await VerifyOnPageAsync(anonymous, tampered);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-verdict=\"invalid\"", html, StringComparison.Ordinal);
        Assert.Contains("data-check=\"integrity\" data-outcome=\"failed\"", html, StringComparison.Ordinal);
        Assert.Contains("The signature does not match the content", html, StringComparison.Ordinal);
        Assert.Contains("data-check=\"validity\" data-outcome=\"not-checked\"", html, StringComparison.Ordinal);
        // What the forged document claims is not shown as if it were certified.
        Assert.DoesNotContain("Someone Else LLP", html, StringComparison.Ordinal);
        // The token typed is kept in the form.
        Assert.Contains(tampered, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_PDF_is_verified_from_the_token_it_carries_and_an_empty_form_is_refused_beside_the_field()
    {
        var (id, _) = await _scenario.IssueAsync();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var pdf = await trader.GetByteArrayAsync(new Uri($"/api/v1/certificates/{id}/pdf", UriKind.Relative), Ct);
        var anonymous = await factory.ClientAsync(null);

        var (status, html) = await VerifyOnPageAsync(anonymous, null, pdf);
        var (emptyStatus, emptyHtml) = await VerifyOnPageAsync(anonymous, "  ");
        var (notOursStatus, notOursHtml) = await VerifyOnPageAsync(anonymous, null, Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        var (hugeStatus, hugeHtml) = await VerifyOnPageAsync(anonymous, null, new byte[5 * 1024 * 1024 + 1]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-verdict=\"valid\"", html, StringComparison.Ordinal);
        Assert.Contains(await NumberAsync(id), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.Contains("id=\"token-error\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("No certificate was given", emptyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-verdict", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notOursStatus);
        Assert.Contains("id=\"pdf-error\"", notOursHtml, StringComparison.Ordinal);
        Assert.Contains("carries no certificate token", notOursHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, hugeStatus);
        Assert.Contains("larger than 5 MB", hugeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_application_sent_through_the_form_comes_back_with_every_error_beside_its_field_and_nothing_is_stored()
    {
        var issuer = (await _scenario.IssuerKzAsync()).GetProperty("id").GetString()!;
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var applications = new Uri("/api/v1/origin/applications", UriKind.Relative);
        var before = (await trader.GetFromJsonAsync<List<JsonElement>>(applications, Ct))!.Count;
        var form = await trader.GetStringAsync(new Uri("/origin/applications/new", UriKind.Relative), Ct);

        using var response = await trader.PostAsync(new Uri("/origin/applications/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.Token(form),
            ["action"] = "submit",
            ["issuingBody"] = issuer,
            ["exporter.name"] = "Steppe Cotton LLP",
            ["exporter.address"] = "12 Abay Avenue, Shymkent",
            ["exporter.country"] = "KZ",
            ["importer.name"] = "",
            ["importer.address"] = "5 Amir Temur Street, Tashkent",
            ["importer.country"] = "UZ",
            ["importingCountry"] = "UZ",
            ["items[0].hsCode"] = "520523",
            ["items[0].description"] = "Cotton yarn",
            ["items[0].quantity"] = "a lot",
            ["items[0].unit"] = "KGM",
            ["items[0].grossMassKg"] = "18600",
            ["items[0].countryOfOrigin"] = "KZ",
            ["items[0].originCriterion"] = "",
        }), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        foreach (var field in new[] { "importer-name", "items-0-quantity", "items-0-originCriterion" })
        {
            Assert.Contains($"id=\"f-{field}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"f-{field}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"f-items-0-hsCode-error\"", html, StringComparison.Ordinal);
        Assert.Contains("wholly-obtained", html, StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Contains("value=\"a lot\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12 Abay Avenue, Shymkent\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await trader.GetFromJsonAsync<List<JsonElement>>(applications, Ct))!.Count);
    }

    [Fact]
    public async Task A_correct_application_sent_through_the_form_is_submitted_and_its_page_shows_it()
    {
        var issuer = (await _scenario.IssuerKzAsync()).GetProperty("id").GetString()!;
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var form = await trader.GetStringAsync(new Uri("/origin/applications/new", UriKind.Relative), Ct);
        var description = $"Combed cotton yarn {Guid.NewGuid():N}"[..32];

        using var response = await trader.PostAsync(new Uri("/origin/applications/new", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.Token(form),
            ["action"] = "submit",
            ["issuingBody"] = issuer,
            ["exporter.name"] = "Steppe Cotton LLP",
            ["exporter.address"] = "12 Abay Avenue, Shymkent",
            ["exporter.country"] = "KZ",
            ["importer.name"] = "Tashkent Weaving LLC",
            ["importer.address"] = "5 Amir Temur Street, Tashkent",
            ["importer.country"] = "UZ",
            ["importingCountry"] = "UZ",
            ["items[0].hsCode"] = "520523",
            ["items[0].description"] = description,
            ["items[0].quantity"] = "18000",
            ["items[0].unit"] = "KGM",
            ["items[0].grossMassKg"] = "18600.5",
            ["items[0].countryOfOrigin"] = "KZ",
            ["items[0].originCriterion"] = "sufficient-processing",
            ["transport.mode"] = "2",
            ["transport.departureDate"] = "2026-12-03",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/origin/applications/[0-9a-f-]{36}\\?submitted=1$", location);
        var page = WebUtility.HtmlDecode(await trader.GetStringAsync(new Uri(location, UriKind.Relative), Ct));
        Assert.Contains(description, page, StringComparison.Ordinal);
        Assert.Contains("Sufficient processing", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"application-state\">Submitted<", page, StringComparison.Ordinal);
        var stored = (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/origin/applications", UriKind.Relative), Ct))!
            .Single(a => a.GetProperty("content").GetProperty("items")[0].GetProperty("description").GetString() == description);
        Assert.Equal(18600.5m, stored.GetProperty("content").GetProperty("items")[0].GetProperty("grossMassKg").GetDecimal());
    }

    [Fact]
    public async Task Fill_from_consignment_copies_its_goods_importer_and_transport_into_the_form()
    {
        var consignment = await factory.ConsignmentOfTraderKzAsync();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);

        var html = WebUtility.HtmlDecode(await trader.GetStringAsync(new Uri($"/origin/applications/new?consignment={consignment}", UriKind.Relative), Ct));

        Assert.Contains("name=\"items[0].hsCode\" type=\"text\" value=\"520512\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"items[0].consignmentItem\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tashkent Weaving LLC\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Truck with trailer\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{consignment}\" selected=\"selected\"", html, StringComparison.Ordinal);
        // The exporter is the trader's own organisation.
        Assert.Contains("value=\"Steppe Cotton LLP (demo)\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/origin/applications/new")]
    [InlineData("/origin")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_the_exporters_and_issuers_pages(string path)
    {
        var anonymous = await factory.ClientAsync(null);

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issuer_cannot_apply_and_the_officer_does_not_see_the_application_form()
    {
        foreach (var person in new[] { DemoPerson.IssuerKz, DemoPerson.OfficerKz })
        {
            var client = await factory.ClientAsync(person);
            using var response = await client.GetAsync(new Uri("/origin/applications/new", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_officer_s_control_page_shows_the_attached_certificate_verified_with_its_four_answers()
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var lodged = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        var consignment = await lodged.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var consignmentId = consignment.GetProperty("id").GetString()!;
        var kzControl = consignment.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        var without = await officer.GetStringAsync(new Uri($"/customs/controls/{kzControl}", UriKind.Relative), Ct);
        var (certificate, _) = await _scenario.IssueAsync();
        using (var attached = await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{consignmentId}/certificates", UriKind.Relative), new { certificateId = certificate }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri($"/customs/controls/{kzControl}", UriKind.Relative), Ct));

        Assert.DoesNotContain("data-testid=\"documents-verified\"", without, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"documents-verified\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/origin/certificates/{certificate}\">{await NumberAsync(certificate)}</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"valid\"", html, StringComparison.Ordinal);
        foreach (var check in new[] { "integrity", "issuer", "status", "validity" })
        {
            Assert.Contains($"data-check=\"{check}\" data-outcome=\"passed\"", html, StringComparison.Ordinal);
        }

        // The trader's consignment page offers to apply for a certificate of these goods.
        var detail = await trader.GetStringAsync(new Uri($"/consignments/{consignmentId}", UriKind.Relative), Ct);
        Assert.Contains($"href=\"/origin/applications/new?consignment={consignmentId}\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("/origin/applications/new?consignment=", await officer.GetStringAsync(new Uri($"/consignments/{consignmentId}", UriKind.Relative), Ct), StringComparison.Ordinal);
    }
}
