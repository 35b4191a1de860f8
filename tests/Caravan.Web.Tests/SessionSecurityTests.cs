using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>The demo platform checking every session against the database on each request.</summary>
public sealed class RevalidatingDemoFactory() : DemoWebFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Caravan:Security:SessionRevalidationSeconds"] = "0" };
}

public sealed class SessionSecurityTests(RevalidatingDemoFactory factory) : IClassFixture<RevalidatingDemoFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_revoked_grant_stops_working_in_a_session_that_is_already_open()
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderCn);
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var me = await trader.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative), Ct);
        var grant = me.GetProperty("grants")[0].GetString()!;
        var before = await trader.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), Ct);

        var page = await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative), Ct);
        var revoked = await admin.PostAsync(new Uri("/admin/users?handler=Revoke", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = me.GetProperty("id").GetString()!,
            ["grant"] = grant,
            ["__RequestVerificationToken"] = SignIn.Token(page),
        }), Ct);
        var after = await trader.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task A_machine_token_opens_the_api_but_not_the_pages()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-customs-kz",
            ["client_secret"] = "demo-secret-customs-kz",
        }), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());

        var api = await client.GetAsync(new Uri("/api/v1/organisations", UriKind.Relative), Ct);
        var page = await client.GetAsync(new Uri("/admin/organisations", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/signin", page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolled_person_is_never_shown_their_authenticator_key_again()
    {
        var officer = await factory.ClientAsync(DemoPerson.OfficerCn);

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(new Uri("/account/enrol", UriKind.Relative), Ct));

        Assert.Contains("Your second factor is already on", html, StringComparison.Ordinal);
        Assert.DoesNotContain("authenticator-key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cara vand emoo", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_the_administrator_s_language()
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var page = await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/users?culture=ru", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["displayName"] = "Weak",
                ["email"] = "weak@caravan.example",
                ["password"] = "short1A",
                ["role"] = "trader",
                ["scope"] = "organisation:x",
                ["__RequestVerificationToken"] = SignIn.Token(page),
            }),
        };

        var response = await admin.SendAsync(request, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Пароль должен содержать не менее 12 символов.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX-YY-99", "is not a border crossing")]
    [InlineData("TJ-UZ-01", "has no post in KZ")]
    public async Task An_office_at_an_unknown_or_foreign_crossing_is_refused_naming_the_field(string crossing, string reason)
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var all = await admin.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/organisations", UriKind.Relative), Ct);
        var kzCustoms = all!.Single(o => o.GetProperty("name").GetString() == "Customs administration of Kazakhstan (demo)").GetProperty("id").GetString();

        var refused = await admin.PostAsJsonAsync(new Uri("/api/v1/organisations", UriKind.Relative),
            new { kind = "CustomsOffice", name = "Post", country = "KZ", parentId = kzCustoms, borderCrossingId = crossing }, Ct);
        var accepted = await admin.PostAsJsonAsync(new Uri("/api/v1/organisations", UriKind.Relative),
            new { kind = "CustomsOffice", name = $"Nur Zholy post {Guid.NewGuid():N}", country = "KZ", parentId = kzCustoms, borderCrossingId = "CN-KZ-01" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("borderCrossingId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}

/// <summary>Several people racing for the one-time link: exactly one becomes administrator.</summary>
public sealed partial class SetupRaceTests(FirstStartFactory factory) : IClassFixture<FirstStartFactory>
{
    [Fact]
    public async Task Eight_people_posting_the_same_setup_link_at_once_make_exactly_one_administrator()
    {
        var link = factory.Log.Select(m => SetupLink().Match(m)).Single(m => m.Success).Groups[1].Value;
        var clients = Enumerable.Range(0, 8).Select(_ => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.GetStringAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken)));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["displayName"] = $"Racer {i}",
            ["email"] = $"racer{i}@caravan.example",
            ["password"] = "Astana-Summit-2025",
            ["__RequestVerificationToken"] = SignIn.Token(forms[i]),
        }), TestContext.Current.CancellationToken)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IAuditQuery>().ListAsync(new AuditFilter { ActionPrefix = "access.administrator.created" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Single(created.Entries);
    }

    [GeneratedRegex(@"Open https?://[^/\s]+(/setup/[A-Za-z0-9_-]+) within")]
    private static partial Regex SetupLink();
}
