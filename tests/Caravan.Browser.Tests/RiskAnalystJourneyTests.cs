using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>
/// Kazakhstan's risk analyst signs in with the second factor, writes a stricter draft, previews it on the controls
/// lodged so far (more red after than before), saves it, publishes it, and finds it active on the overview.
/// </summary>
public sealed partial class RiskAnalystJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string StricterDraft = """
        {
          "rules": [
            { "id": "KZ-YARN", "description": "Cotton yarn under watch", "field": "hsCode", "operator": "in-range", "from": "5205", "to": "5207", "score": 70 }
          ],
          "bands": [
            { "from": 0, "to": 30, "channel": "green" },
            { "from": 30, "to": 60, "channel": "yellow" },
            { "from": 60, "channel": "red" }
          ],
          "random": { "yellow": 0, "red": 0 },
          "aeoReduction": 0
        }
        """;

    [GeneratedRegex(@"/risk/profiles/(\d+)\?country=KZ&saved=1$")]
    private static partial Regex SavedDraft();

    /// <summary>Kazakhstan's trader lodges cotton yarn through the API, so that the preview has controls to run over.</summary>
    private async Task LodgeAsync(int count)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var trader = new HttpClient(handler) { BaseAddress = fixture.Address };
        await SignIn.SignInAsync(trader, DemoPerson.TraderKz);
        for (var i = 0; i < count; i++)
        {
            var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), new
            {
                declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
                exporter = new { name = "Tianshan Textiles Co., Ltd.", country = "CN", nationalIdentifier = "91650100123456788W" },
                importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
                goodsItems = new[] { new { hsCode = "520512", description = "Cotton yarn", quantity = 18000m, unit = "KGM", grossMassKg = 18600m, netMassKg = 18000m, value = 52200m, currency = "USD", countryOfOrigin = "CN", packages = 600, packageType = "BG" } },
                transportMode = "3",
                transportMeans = "Truck with trailer",
                countryOfDispatch = "CN",
                countryOfDestination = "UZ",
                route = new { countries = new[] { "CN", "KZ", "UZ" }, crossings = new[] { "CN-KZ-01", "KZ-UZ-01" } },
            }, JsonSerializerOptions.Web, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private static Task SignInAsync(IPage page, DemoPerson person) => BrowserSignIn.SignInAsync(page, person);

    [Fact]
    public async Task The_analyst_previews_a_stricter_draft_saves_it_publishes_it_and_sees_it_active()
    {
        await using var session = await fixture.OpenAsync();
        await LodgeAsync(3);
        var page = session.Page;
        await SignInAsync(page, DemoPerson.AnalystKz);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Risk", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Risk management · Kazakhstan");
        await page.GetByRole(AriaRole.Link, new() { Name = "New draft", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New risk profile draft for Kazakhstan");

        await page.GetByLabel("Profile (JSON)").FillAsync(StricterDraft);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("preview-summary")).ToContainTextAsync("3 recent controls");
        // No profile was active: all were yellow before; the yarn rule sends all three to red after.
        await Expect(page.GetByTestId("after-red")).ToHaveTextAsync(new Regex(@"^3 \(100"));
        await Expect(page.GetByTestId("rules")).ToContainTextAsync("KZ-YARN");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-risk-preview.png", FullPage = true });

        await page.GetByLabel("What this version changes and why").FillAsync("Cotton yarn under watch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SavedDraft());
        var version = SavedDraft().Match(page.Url).Groups[1].Value;
        await Expect(page.GetByTestId("profile-state")).ToHaveTextAsync("Draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this version", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("profile-state")).ToHaveTextAsync("Active");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-risk-version.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Risk management", Exact = true }).First.ClickAsync();
        await Expect(page.GetByTestId("active-version")).ToHaveTextAsync($"Version {version}");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-risk-overview.png", FullPage = true });

        await page.GotoAsync("/risk/operators");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-risk-operators.png", FullPage = true });
        await page.GotoAsync("/risk/alerts");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-risk-alerts.png", FullPage = true });
        session.AssertNoConsoleErrors();
    }
}
