using Caravan.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Caravan.Browser.Tests;

/// <summary>The platform's administrator follows the navigation to the event-delivery page and reads it.</summary>
public sealed class EventDeliveryPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_administrator_reads_that_events_flow_and_where_each_consumer_stands()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, DemoPerson.Administrator);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Event delivery", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Event delivery");
        await Expect(page.GetByTestId("messaging-verdict")).ToContainTextAsync("Events are flowing");
        var consumers = page.GetByTestId("messaging-consumers");
        await Expect(consumers.GetByRole(AriaRole.Rowheader, new() { Name = "trade.release-times" })).ToBeVisibleAsync();
        await Expect(consumers.GetByRole(AriaRole.Columnheader, new() { Name = "Behind" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("messaging-outbox")).ToContainTextAsync("Last feed position");
        var file = Path.Combine(AppContext.BaseDirectory, "screenshots", "admin-event-delivery.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        session.AssertNoConsoleErrors();
    }
}
