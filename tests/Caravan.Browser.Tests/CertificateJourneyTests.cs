using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>
/// A certificate of origin from application to public verification, in three browsers: Kazakhstan's trader applies
/// through the form, the issuing body asks for a correction with a reason, the trader reads it, corrects and
/// resubmits, the issuer approves; the certificate prints with its QR code; and someone who is not signed in pastes
/// the downloaded token on the verification page and reads "valid" with the four checks passed.
/// </summary>
public sealed partial class CertificateJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string CorrectionReason = "Box 5: state the wagon number the goods leave on.";

    [GeneratedRegex(@"/origin/applications/([0-9a-f-]{36})\?submitted=1$")]
    private static partial Regex Submitted();

    private static string Shots
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var file = Path.Combine(Shots, $"origin-{name}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {file}");
    }

    private static Task SignInAsync(IPage page, DemoPerson person) => BrowserSignIn.SignInAsync(page, person);

    private static ILocator Group(IPage page, string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    [Fact]
    public async Task An_application_goes_through_a_correction_to_a_certificate_that_prints_and_verifies_in_public()
    {
        // The trader applies through the form.
        await using var traderSession = await fixture.OpenAsync();
        var trader = traderSession.Page;
        await SignInAsync(trader, DemoPerson.TraderKz);
        await trader.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Certificates of origin", Exact = true }).ClickAsync();
        await Expect(trader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Certificates of origin");
        await trader.GetByRole(AriaRole.Link, new() { Name = "Apply for a certificate of origin", Exact = true }).ClickAsync();
        await Expect(trader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Apply for a certificate of origin");

        // The exporter is the trader's organisation and the only issuing body of Kazakhstan is chosen already.
        var exporter = Group(trader, "Exporter");
        await Expect(exporter.GetByLabel("Name")).ToHaveValueAsync("Steppe Cotton LLP (demo)");
        await Expect(trader.GetByLabel("Issuing body", new() { Exact = true })).Not.ToHaveValueAsync(string.Empty);
        await exporter.GetByLabel("Address").FillAsync("12 Abay Avenue, Shymkent");
        var importer = Group(trader, "Importer (consignee)");
        await importer.GetByLabel("Name").FillAsync("Tashkent Weaving LLC");
        await importer.GetByLabel("Address").FillAsync("5 Amir Temur Street, Tashkent");
        await importer.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Uzbekistan" });
        await importer.GetByLabel("Identifier").FillAsync("301234567");
        await trader.GetByLabel("Country of destination").SelectOptionAsync(new SelectOptionValue { Label = "Uzbekistan" });
        var item = Group(trader, "Goods item 1");
        await item.GetByLabel("HS code").FillAsync("520523");
        await item.GetByLabel("Description of the goods").FillAsync("Cotton yarn, single, combed, 14 tex");
        await item.GetByLabel("Origin criterion").SelectOptionAsync(new SelectOptionValue { Label = "Wholly obtained" });
        await item.GetByLabel("Country of origin").SelectOptionAsync(new SelectOptionValue { Label = "Kazakhstan" });
        await item.GetByLabel("Quantity").FillAsync("18000");
        await item.GetByLabel("Unit").FillAsync("KGM");
        await item.GetByLabel("Gross mass (kg)").FillAsync("18600");
        await item.GetByLabel("Invoice value").FillAsync("52200");
        await item.GetByLabel("Currency").FillAsync("USD");
        await trader.GetByLabel("Mode of transport").SelectOptionAsync(new SelectOptionValue { Label = "Rail" });
        await ShotAsync(trader, "1-application-form");
        await trader.GetByRole(AriaRole.Button, new() { Name = "Submit the application", Exact = true }).ClickAsync();

        await Expect(trader).ToHaveURLAsync(Submitted());
        await Expect(trader.GetByTestId("application-state")).ToHaveTextAsync("Submitted");
        var applicationUrl = trader.Url[..trader.Url.IndexOf('?', StringComparison.Ordinal)];
        var number = (await trader.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Replace("Application ", string.Empty, StringComparison.Ordinal).Trim();

        // The issuing body finds it first in its queue and asks for a correction, with a reason.
        await using var issuerSession = await fixture.OpenAsync();
        var issuer = issuerSession.Page;
        await SignInAsync(issuer, DemoPerson.IssuerKz);
        await issuer.GotoAsync("/origin");
        await Expect(issuer.GetByRole(AriaRole.Heading, new() { Name = "Applications to review" })).ToBeVisibleAsync();
        await issuer.GetByTestId("applications").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await issuer.GetByLabel("Ask the exporter for corrections").CheckAsync();
        await issuer.GetByLabel("Reason", new() { Exact = true }).FillAsync(CorrectionReason);
        await ShotAsync(issuer, "2-issuer-review");
        await issuer.GetByRole(AriaRole.Button, new() { Name = "Record the decision", Exact = true }).ClickAsync();
        await Expect(issuer.GetByTestId("application-state")).ToHaveTextAsync("Corrections requested");

        // The trader reads the reason, corrects the application and sends it again.
        await trader.GotoAsync(applicationUrl);
        await Expect(trader.GetByTestId("issuer-reason")).ToContainTextAsync(CorrectionReason);
        await Expect(trader.GetByTestId("application-state")).ToHaveTextAsync("Corrections requested");
        await ShotAsync(trader, "3-corrections-requested");
        await trader.GetByRole(AriaRole.Link, new() { Name = "Edit and resubmit", Exact = true }).ClickAsync();
        await Expect(trader.GetByText(CorrectionReason)).ToBeVisibleAsync();
        await Expect(Group(trader, "Goods item 1").GetByLabel("Origin criterion")).ToHaveValueAsync("wholly-obtained");
        await trader.GetByLabel("Means of transport").FillAsync("Wagon 52841037");
        await ShotAsync(trader, "4-resubmit-form");
        await trader.GetByRole(AriaRole.Button, new() { Name = "Resubmit the application", Exact = true }).ClickAsync();
        await Expect(trader).ToHaveURLAsync(new Regex(@"\?resubmitted=1$"));
        await Expect(trader.GetByTestId("application-state")).ToHaveTextAsync("Submitted");
        await Expect(trader.GetByTestId("steps")).ToContainTextAsync("Resubmitted with corrections");

        // The issuer approves: the certificate is issued.
        await issuer.GotoAsync(applicationUrl);
        await Expect(issuer.GetByText("Wagon 52841037")).ToBeVisibleAsync();
        await issuer.GetByLabel("Approve and issue the certificate").CheckAsync();
        await issuer.GetByRole(AriaRole.Button, new() { Name = "Record the decision", Exact = true }).ClickAsync();
        await Expect(issuer.GetByTestId("application-state")).ToHaveTextAsync("Issued");
        await ShotAsync(issuer, "5-issued");
        await issuer.GetByRole(AriaRole.Link, new() { Name = "Open the certificate", Exact = true }).ClickAsync();
        await Expect(issuer.GetByTestId("certificate-status")).ToHaveTextAsync("Active");
        var certificateId = issuer.Url[(issuer.Url.LastIndexOf('/') + 1)..];
        var certificateNumber = (await issuer.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Replace("Certificate of origin ", string.Empty, StringComparison.Ordinal).Trim();
        Assert.Matches("^KZ-[0-9]{4}-[0-9A-F]{8}$", certificateNumber);
        await ShotAsync(issuer, "6-certificate-issuer");

        // The trader sees it, prints it, and downloads the token.
        await trader.GotoAsync("/origin");
        await trader.GetByTestId("certificates").GetByRole(AriaRole.Link, new() { Name = certificateNumber, Exact = true }).ClickAsync();
        await Expect(trader.GetByTestId("certificate-record")).ToContainTextAsync("Tashkent Weaving LLC");
        await ShotAsync(trader, "7-certificate-trader");
        var download = await trader.RunAndWaitForDownloadAsync(() => trader.GetByRole(AriaRole.Link, new() { Name = "Download token (.jwt)", Exact = true }).ClickAsync());
        Assert.EndsWith(".jwt", download.SuggestedFilename, StringComparison.Ordinal);
        var token = (await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Trim();
        Assert.Equal(3, token.Split('.').Length);

        await trader.GetByRole(AriaRole.Link, new() { Name = "Print", Exact = true }).ClickAsync();
        var sheet = trader.GetByTestId("certificate-sheet");
        await Expect(sheet).ToContainTextAsync(certificateNumber);
        await Expect(sheet).ToContainTextAsync("Steppe Cotton LLP");
        await Expect(sheet).ToContainTextAsync("Wholly obtained");
        await Expect(trader.Locator("[data-testid=qr] svg path")).ToHaveCountAsync(1);
        await Expect(trader.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true })).ToBeVisibleAsync();
        await ShotAsync(trader, "8-print-screen");
        await trader.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(trader.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(trader.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true })).ToBeHiddenAsync();
        await ShotAsync(trader, "9-print-media");
        var pdf = await trader.PdfAsync(new() { Path = Path.Combine(Shots, "origin-certificate-print.pdf"), Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"The printed PDF has only {pdf.Length} bytes.");
        await trader.EmulateMediaAsync(new() { Media = Media.Screen });

        // Someone not signed in pastes the token on the public page.
        await using var publicSession = await fixture.OpenAsync();
        var visitor = publicSession.Page;
        await visitor.GotoAsync("/verify");
        await visitor.GetByLabel("Certificate token").FillAsync(token);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        var verdict = visitor.GetByTestId("verdict");
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "valid");
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Valid certificate of origin");
        await Expect(verdict).ToContainTextAsync(certificateNumber);
        await Expect(verdict).ToContainTextAsync("Tashkent Weaving LLC");
        foreach (var check in new[] { "integrity", "issuer", "status", "validity" })
        {
            await Expect(visitor.Locator($"[data-check={check}]")).ToHaveAttributeAsync("data-outcome", "passed");
        }

        await ShotAsync(visitor, "10-verified");
        await visitor.GotoAsync($"/verify/{certificateId}?culture=ru");
        await Expect(visitor.GetByTestId("verdict")).ToContainTextAsync("Действительный сертификат происхождения");
        await ShotAsync(visitor, "10-verified-ru");
        await visitor.GotoAsync("/origin/trust-list");
        await Expect(visitor.Locator("[data-slug=issuer-kz]")).ToContainTextAsync("On the trust list");
        await ShotAsync(visitor, "11-trust-list");

        await trader.GotoAsync("/origin/applications/new?culture=ru");
        await Expect(trader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Заявление на сертификат происхождения");
        await ShotAsync(trader, "1-application-form-ru");

        traderSession.AssertNoConsoleErrors();
        issuerSession.AssertNoConsoleErrors();
        publicSession.AssertNoConsoleErrors();
    }

    /// <summary>A client signed in as the person, on the fixture's host (for what the journey only needs done, not seen).</summary>
    private async Task<HttpClient> ClientAsync(DemoPerson person)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = fixture.Address };
        await SignIn.SignInAsync(client, person);
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    [Fact]
    public async Task The_officer_sees_an_attached_certificate_verified_and_taking_its_issuer_off_the_trust_list_shows_everywhere()
    {
        var ct = TestContext.Current.CancellationToken;
        using var trader = await ClientAsync(DemoPerson.TraderKz);
        using var issuerClient = await ClientAsync(DemoPerson.IssuerKz);
        var consignment = await ReadAsync(await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), new
        {
            declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
            exporter = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
            importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
            goodsItems = new[] { new { hsCode = "520523", description = "Cotton yarn, single, combed, 14 tex", quantity = 18000m, unit = "KGM", grossMassKg = 18600m, netMassKg = 18000m, value = 52200m, currency = "USD", countryOfOrigin = "KZ", packages = 600, packageType = "BG" } },
            transportMode = "3",
            transportMeans = "Truck 045 KZ 02",
            countryOfDispatch = "KZ",
            countryOfDestination = "UZ",
            route = new { countries = new[] { "KZ", "UZ" }, crossings = new[] { "KZ-UZ-01" } },
        }, JsonSerializerOptions.Web, ct));
        var consignmentId = consignment.GetProperty("id").GetString()!;
        var kzControl = consignment.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString()!;
        var trustList = (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/origin/trust-list", UriKind.Relative), ct))!;
        var issuerId = trustList.Single(i => i.GetProperty("slug").GetString() == "issuer-kz").GetProperty("id").GetString();
        var application = await ReadAsync(await trader.PostAsJsonAsync(new Uri("/api/v1/origin/applications", UriKind.Relative), new
        {
            issuingBody = issuerId,
            consignmentId,
            exporter = new { name = "Steppe Cotton LLP", address = "12 Abay Avenue, Shymkent", country = "KZ", identifier = "210440012348" },
            importer = new { name = "Tashkent Weaving LLC", address = "5 Amir Temur Street, Tashkent", country = "UZ" },
            importingCountry = "UZ",
            items = new[] { new { consignmentItem = 1, hsCode = "520523", description = "Cotton yarn, single, combed, 14 tex", quantity = 18000m, unit = "KGM", grossMassKg = 18600m, countryOfOrigin = "KZ", originCriterion = "wholly-obtained" } },
        }, ct));
        var certificate = (await ReadAsync(await issuerClient.PostAsJsonAsync(new Uri($"/api/v1/origin/applications/{application.GetProperty("id").GetString()}/review", UriKind.Relative), new { decision = "approve" }, ct)))
            .GetProperty("certificateId").GetString()!;
        await ReadAsync(await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{consignmentId}/certificates", UriKind.Relative), new { certificateId = certificate }, ct));

        // Kazakhstan's officer opens the control: the certificate is verified as the page opens.
        await using var officerSession = await fixture.OpenAsync();
        var officer = officerSession.Page;
        await SignInAsync(officer, DemoPerson.OfficerKz);
        await officer.GotoAsync($"/customs/controls/{kzControl}");
        var document = officer.GetByTestId("documents-verified").GetByTestId("document");
        await Expect(document).ToHaveAttributeAsync("data-verdict", "valid");
        await Expect(document.Locator("[data-check=issuer]")).ToHaveAttributeAsync("data-outcome", "passed");
        await ShotAsync(officer, "12-control-documents-valid");

        // The issuer's overview; the administrator's trust list, where the issuing body is taken off the list.
        await using var issuerSession = await fixture.OpenAsync();
        await SignInAsync(issuerSession.Page, DemoPerson.IssuerKz);
        await issuerSession.Page.GotoAsync("/origin");
        await Expect(issuerSession.Page.GetByTestId("certificates")).ToContainTextAsync("Steppe Cotton LLP");
        await ShotAsync(issuerSession.Page, "13-issuer-overview");
        await issuerSession.Page.GotoAsync("/origin/trust-list");
        await Expect(issuerSession.Page.GetByRole(AriaRole.Button, new() { Name = "Rotate the key", Exact = true })).ToBeVisibleAsync();
        await Expect(issuerSession.Page.GetByRole(AriaRole.Button, new() { Name = "Take off the trust list", Exact = true })).ToHaveCountAsync(0);

        await using var adminSession = await fixture.OpenAsync();
        var admin = adminSession.Page;
        await SignInAsync(admin, DemoPerson.Administrator);
        await admin.GotoAsync("/origin/trust-list");
        var body = admin.Locator("[data-slug=issuer-kz]");
        await body.GetByPlaceholder("Reason").Last.FillAsync("Audit of the issuing body pending");
        await body.GetByRole(AriaRole.Button, new() { Name = "Take off the trust list", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("The trust list is changed");
        await Expect(admin.Locator("[data-slug=issuer-kz] h2")).ToContainTextAsync("Off the trust list");
        await ShotAsync(admin, "14-trust-list-admin");

        try
        {
            // Anyone opening the QR link now reads "not valid", and why; so does the officer.
            await using var publicSession = await fixture.OpenAsync();
            var visitor = publicSession.Page;
            await visitor.GotoAsync($"/verify/{certificate}");
            await Expect(visitor.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "invalid");
            await Expect(visitor.Locator("[data-check=issuer]")).ToHaveAttributeAsync("data-outcome", "failed");
            await Expect(visitor.Locator("[data-check=integrity]")).ToHaveAttributeAsync("data-outcome", "passed");
            await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("is not on the platform's trust list of issuing bodies");
            await ShotAsync(visitor, "15-verified-invalid");
            await officer.ReloadAsync();
            await Expect(document).ToHaveAttributeAsync("data-verdict", "invalid");
            await ShotAsync(officer, "16-control-documents-invalid");
            publicSession.AssertNoConsoleErrors();
        }
        finally
        {
            // Back on the list, for the other journeys of the class.
            await admin.GotoAsync("/origin/trust-list");
            await admin.Locator("[data-slug=issuer-kz]").GetByRole(AriaRole.Button, new() { Name = "Put back on the trust list", Exact = true }).ClickAsync();
            await Expect(admin.Locator("[data-slug=issuer-kz] h2")).ToContainTextAsync("On the trust list");
        }

        officerSession.AssertNoConsoleErrors();
        issuerSession.AssertNoConsoleErrors();
        adminSession.AssertNoConsoleErrors();
    }
}
