using System.Net;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Caravan.Browser.Tests;

/// <summary>
/// The real host on Kestrel at a free 127.0.0.1 port with its own SQLite database, and one Chromium for the
/// test class. Each test opens its own <see cref="BrowserSession"/> (a fresh browser context).
/// When no Chromium is found neither the host nor the browser is started and every test is skipped.
/// </summary>
public sealed class BrowserFixture : CaravanWebFactory
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _address;

    public BrowserFixture()
        : base(DatabaseProvider.Sqlite)
    {
        // Before anything starts the server: CaravanWebFactory.InitializeAsync calls CreateClient(), which does.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Null when the browser tests can run; otherwise the reason they are skipped.</summary>
    public string? BrowserUnavailable { get; } = Chromium.Unavailable;

    /// <summary>The address Kestrel really listens on, e.g. http://127.0.0.1:41873/.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async ValueTask InitializeAsync()
    {
        if (BrowserUnavailable is not null)
        {
            return;
        }

        await base.InitializeAsync();
        StartServer();

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no addresses: is it Kestrel?");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel does not listen on 127.0.0.1: {string.Join(", ", addresses)}");
        _address = new Uri(address.TrimEnd('/') + "/");

        // The real socket answers, not just the in-memory test server.
        using (var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) })
        {
            using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException(
                    $"{_address}health/ready answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

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
