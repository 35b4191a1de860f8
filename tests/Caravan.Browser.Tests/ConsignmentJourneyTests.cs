using System.Text.RegularExpressions;
using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>
/// A trader lodges a consignment through the form, fixes what the platform refuses next to the field, and watches
/// the consignment page while an officer decides in another browser: the release appears without reloading.
/// </summary>
public sealed class ConsignmentJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static Task SignInAsync(IPage page, DemoPerson person) => BrowserSignIn.SignInAsync(page, person);

    private static ILocator Group(IPage page, string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_trader_lodges_through_the_form_fixes_an_error_and_sees_the_officer_s_release_appear_live()
    {
        await using var trader = await fixture.OpenAsync();
        var page = trader.Page;
        await SignInAsync(page, DemoPerson.TraderKz);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Lodge a consignment", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lodge a consignment", Level = 1 })).ToBeVisibleAsync();

        // The declarant is the trader's own organisation, filled in already.
        await Expect(Group(page, "Declarant").GetByLabel("Name")).ToHaveValueAsync("Steppe Cotton LLP (demo)");
        var exporter = Group(page, "Exporter");
        await exporter.GetByLabel("Name").FillAsync("Tianshan Textiles Co., Ltd.");
        await exporter.GetByLabel("Country").FillAsync("CN");
        await exporter.GetByLabel("National identifier").FillAsync("91650100123456788W");
        var importer = Group(page, "Importer");
        await importer.GetByLabel("Name").FillAsync("Tashkent Weaving LLC");
        await importer.GetByLabel("Country").FillAsync("UZ");
        await importer.GetByLabel("National identifier").FillAsync("301234567");

        // The HS code picker suggests codes as digits are typed.
        var item = Group(page, "Goods item 1");
        var hs = item.GetByLabel("HS code");
        await hs.PressSequentiallyAsync("52051", new() { Delay = 40 });
        await Expect(page.Locator("#hs-0 option[value='520512']")).ToHaveCountAsync(1);
        await hs.FillAsync("520512");
        await item.GetByLabel("Description").FillAsync("Cotton yarn, single, uncombed, 20 tex");
        await item.GetByLabel("Quantity").FillAsync("18000");
        await item.GetByLabel("Unit").FillAsync("KGM");
        await item.GetByLabel("Gross mass (kg)").FillAsync("18600");
        await item.GetByLabel("Net mass (kg)").FillAsync("19000");
        await item.GetByLabel("Value").FillAsync("52200");
        await item.GetByLabel("Currency").FillAsync("USD");
        await item.GetByLabel("Country of origin").FillAsync("CN");
        await item.GetByLabel("Packages").FillAsync("600");
        await item.GetByLabel("Package type").FillAsync("BG");
        await page.GetByLabel("Container 1 · Number").FillAsync("CSQU3054383");

        // The crossings offered follow the route as it is chosen.
        await page.GetByLabel("Country of dispatch").SelectOptionAsync(new SelectOptionValue { Label = "China" });
        await page.GetByLabel("Transit country 1").SelectOptionAsync(new SelectOptionValue { Label = "Kazakhstan" });
        await page.GetByLabel("Country of destination").SelectOptionAsync(new SelectOptionValue { Label = "Uzbekistan" });
        var chinaKazakhstan = page.GetByLabel("Crossing from China to Kazakhstan");
        await Expect(chinaKazakhstan.Locator("option[value='CN-KZ-01']")).ToHaveCountAsync(1);
        await Expect(chinaKazakhstan.Locator("option[value='KZ-UZ-01']")).ToHaveCountAsync(0);
        await chinaKazakhstan.SelectOptionAsync("CN-KZ-01");
        await page.GetByLabel("Crossing from Kazakhstan to Uzbekistan").SelectOptionAsync("KZ-UZ-01");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-lodging-form.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lodge the consignment", Exact = true }).ClickAsync();

        // Refused: the net mass is above the gross mass. The error is next to the field and in the summary.
        var netMass = Group(page, "Goods item 1").GetByLabel("Net mass (kg)");
        await Expect(netMass).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(netMass).ToHaveValueAsync("19000");
        var errorId = await netMass.GetAttributeAsync("aria-describedby");
        await Expect(page.Locator($"#{errorId!.Split(' ')[^1]}")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Goods item 1 · Net mass (kg)" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Crossing from China to Kazakhstan")).ToHaveValueAsync("CN-KZ-01");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-lodging-form-error.png", FullPage = true });

        await netMass.FillAsync("18000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lodge the consignment", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/consignments/[0-9a-f-]{36}"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The consignment is lodged.");
        await Expect(page.GetByText("Updates as they happen")).ToBeVisibleAsync();
        var kazakhstan = page.Locator("ol.route-chain > li.stop").Filter(new() { HasText = "Kazakhstan" });
        await Expect(kazakhstan.Locator(".state")).ToHaveTextAsync("Pre-arrival");
        await page.EvaluateAsync("() => { window.caravanNotReloaded = true; }");
        var consignmentUrl = page.Url;

        // Meanwhile, Kazakhstan's officer accepts and releases in another browser.
        await using var officerSession = await fixture.OpenAsync();
        var officer = officerSession.Page;
        await SignInAsync(officer, DemoPerson.OfficerKz);
        await officer.GotoAsync(consignmentUrl);
        await officer.Locator("ol.route-chain > li.stop").Filter(new() { HasText = "Kazakhstan" }).GetByRole(AriaRole.Link, new() { Name = "Decide" }).ClickAsync();
        await officer.GetByLabel("Accept").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Under assessment");
        await officer.GetByLabel("Release").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(officer.GetByTestId("control-state")).ToHaveTextAsync("Released");
        await Expect(officer.GetByRole(AriaRole.Cell, new() { Name = "Release", Exact = true })).ToBeVisibleAsync();

        // The trader's page shows it without a reload, and says so to screen readers.
        await Expect(kazakhstan.Locator(".state")).ToHaveTextAsync("Released", new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Release", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-announce]")).ToContainTextAsync("Released");
        Assert.True(await page.EvaluateAsync<bool>("() => window.caravanNotReloaded === true"));
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-consignment-page.png", FullPage = true });
        await officer.ScreenshotAsync(new() { Path = "/tmp/caravan-decision-page.png", FullPage = true });

        trader.AssertNoConsoleErrors(new Regex("status of 400"));
        officerSession.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_trader_amends_a_field_through_the_form_and_sees_the_change_under_versions()
    {
        await using var trader = await fixture.OpenAsync();
        var page = trader.Page;
        await SignInAsync(page, DemoPerson.TraderKz);
        var lodged = await page.APIRequest.PostAsync("/api/v1/consignments", new()
        {
            DataObject = new
            {
                declarant = new { name = "Steppe Cotton LLP", country = "KZ", nationalIdentifier = "210440012348" },
                exporter = new { name = "Tianshan Textiles Co., Ltd.", country = "CN", nationalIdentifier = "91650100123456788W" },
                importer = new { name = "Tashkent Weaving LLC", country = "UZ", nationalIdentifier = "301234567" },
                goodsItems = new[] { new { hsCode = "520512", description = "Cotton yarn, single, uncombed, 20 tex", quantity = 18000m, unit = "KGM", grossMassKg = 18600m, netMassKg = 18000m, value = 52200m, currency = "USD", countryOfOrigin = "CN", packages = 600, packageType = "BG" } },
                containers = new[] { new { number = "CSQU3054383", seals = new[] { "CN-2026-000118" } } },
                transportMode = "3",
                transportMeans = "Truck with trailer",
                countryOfDispatch = "CN",
                countryOfDestination = "UZ",
                route = new { countries = new[] { "CN", "KZ", "UZ" }, crossings = new[] { "CN-KZ-01", "KZ-UZ-01" } },
            },
        });
        Assert.Equal(201, lodged.Status);
        var id = (await lodged.JsonAsync())!.Value.GetProperty("id").GetString();
        await page.GotoAsync($"/consignments/{id}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Amend", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Amend consignment");
        var netMass = Group(page, "Goods item 1").GetByLabel("Net mass (kg)");
        await Expect(netMass).ToHaveValueAsync("18000");
        await Expect(page.GetByLabel("Crossing from Kazakhstan to Uzbekistan")).ToHaveValueAsync("KZ-UZ-01");

        // Refused first: the net mass may not exceed the gross mass, said next to the field, counted in the summary.
        await netMass.FillAsync("18700");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the amendment", Exact = true }).ClickAsync();
        await Expect(netMass).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Heading)).ToHaveTextAsync("The declaration has 1 problem to fix");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-amend-form-error.png", FullPage = true });

        await netMass.FillAsync("17950");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the amendment", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/consignments/{id}\\?amended=2"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("this is version 2");
        var change = page.Locator("li.version[data-version='2'] tr").Filter(new() { HasText = "Goods item 1 · Net mass (kg)" });
        await Expect(change.Locator("del")).ToHaveTextAsync("18000");
        await Expect(change.Locator("ins")).ToHaveTextAsync("17950");
        await Expect(page.Locator("li.version[data-version='1']")).ToContainTextAsync("Version 1 · lodged");
        await page.ScreenshotAsync(new() { Path = "/tmp/caravan-consignment-versions.png", FullPage = true });

        trader.AssertNoConsoleErrors(new Regex("status of 400"));
    }
}
