using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.Playwright;

namespace Caravan.Browser.Tests;

/// <summary>
/// The real host on Kestrel at a free 127.0.0.1 port with its own SQLite database, and one Chromium for the
/// test class. Each test opens its own <see cref="BrowserSession"/> (a fresh browser context).
/// When no Chromium is found neither the host nor the browser is started and every test is skipped.
/// </summary>
public class BrowserFixture : KestrelWebFactory
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
        : base(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>The demo people, so that the tests can sign in as each role.</summary>
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Caravan:Demo"] = "true",
        ["Caravan:Security:SignInAttemptsPerMinute"] = "1000",
    };

    /// <summary>Null when the browser tests can run; otherwise the reason they are skipped.</summary>
    public string? BrowserUnavailable { get; } = Chromium.Unavailable;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async ValueTask InitializeAsync()
    {
        if (BrowserUnavailable is not null)
        {
            return;
        }

        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A fresh browser context and page at the host's address, in English; skips when there is no Chromium.</summary>
    public async Task<BrowserSession> OpenAsync()
    {
        if (BrowserUnavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            Locale = "en-GB",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        return await BrowserSession.StartAsync(context);
    }

    /// <summary>A fresh browser context and page at the host's address in the given locale (its Accept-Language).</summary>
    public async Task<BrowserSession> OpenAsync(string locale)
    {
        if (BrowserUnavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        var context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString(), Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        return await BrowserSession.StartAsync(context);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
