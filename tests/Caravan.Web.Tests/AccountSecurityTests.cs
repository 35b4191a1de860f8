using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Caravan.Web.Tests;

/// <summary>A fresh platform with no account at all, whose log the test can read (for the one-time setup link).</summary>
public sealed class FirstStartFactory() : CaravanWebFactory(DatabaseProvider.Sqlite)
{
    public ConcurrentQueue<string> Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Log)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(log);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue(formatter(state, exception));
    }
}

public sealed partial class FirstStartTests(FirstStartFactory factory) : IClassFixture<FirstStartFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_administrator_comes_in_by_the_one_time_link_and_gets_no_permission_before_a_second_factor()
    {
        var link = factory.Log.Select(m => SetupLink().Match(m)).Single(m => m.Success).Groups[1].Value;
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var form = await client.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        var created = await client.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["displayName"] = "Gulnara First",
            ["email"] = "first@caravan.example",
            ["password"] = "Astana-Summit-2025",
            ["__RequestVerificationToken"] = SignIn.Token(form),
        }), Ct);
        var before = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative), Ct);
        var organisations = await client.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account/enrol", created.Headers.Location?.OriginalString);
        Assert.Empty(before.GetProperty("grants").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, organisations.StatusCode);

        var enrol = await client.GetStringAsync(new Uri("/account/enrol", UriKind.Relative), Ct);
        var key = AuthenticatorKey().Match(enrol).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var enrolled = await client.PostAsync(new Uri("/account/enrol", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()),
            ["__RequestVerificationToken"] = SignIn.Token(enrol),
        }), Ct);
        var page = await enrolled.Content.ReadAsStringAsync(Ct);
        var after = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative), Ct);

        Assert.Equal(10, RecoveryCode().Matches(page).Count);
        Assert.Equal(["administrator@platform"], after.GetProperty("grants").EnumerateArray().Select(g => g.GetString()));

        using var second = factory.CreateClient();
        var reused = await second.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Contains("This setup link is not valid", reused, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Open https?://[^/\s]+(/setup/[A-Za-z0-9_-]+) within")]
    private static partial Regex SetupLink();

    [GeneratedRegex(@"data-testid=""authenticator-key"">([a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex(@"<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}

/// <summary>The demo platform with the production limit of ten sign-in attempts a minute.</summary>
public sealed class RateLimitedDemoFactory() : DemoWebFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Caravan:Security:SignInAttemptsPerMinute"] = "10" };
}

public sealed class AccountSecurityTests(RateLimitedDemoFactory factory) : IClassFixture<RateLimitedDemoFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> TryPasswordAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative), Ct);
        return await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = SignIn.Token(form),
        }), Ct);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_too_many_attempts_are_slowed_down()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await TryPasswordAsync(client, DemoPerson.Applicant.Email, "Wrong-password-123")).StatusCode);
        }

        var rightButLocked = await TryPasswordAsync(client, DemoPerson.Applicant.Email, DemoPerson.Password);
        var lockedPage = WebUtility.HtmlDecode(await rightButLocked.Content.ReadAsStringAsync(Ct));
        var responses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add((await TryPasswordAsync(client, DemoPerson.Secretariat.Email, "Wrong-password-123")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.BadRequest, rightButLocked.StatusCode);
        Assert.DoesNotContain("signed-in-as", lockedPage, StringComparison.Ordinal);
        Assert.Contains(HttpStatusCode.TooManyRequests, responses);
    }

    [Fact]
    public async Task Pages_forbid_framing_and_foreign_scripts()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/account/signin", UriKind.Relative), Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
