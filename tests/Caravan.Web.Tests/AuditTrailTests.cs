using System.Net;
using System.Net.Http.Json;
using Caravan.Platform.Audit;
using Caravan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>What the audit log records of people's changes, and who may read it.</summary>
public sealed class AuditTrailTests(SqliteDemoWebFactory factory) : IClassFixture<SqliteDemoWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<AuditEntryView>> EntriesAsync(string actionPrefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAuditQuery>().ListAsync(new AuditFilter { ActionPrefix = actionPrefix }, pageSize: 500, cancellationToken: Ct)).Entries;
    }

    [Fact]
    public async Task Registering_an_organisation_is_recorded_with_who_did_it_and_a_refused_one_is_not()
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var me = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/me", UriKind.Relative), Ct);
        var before = await EntriesAsync("access.organisation.created");

        var created = await admin.PostAsJsonAsync(new Uri("/api/v1/organisations", UriKind.Relative), new { kind = "City", name = "Audit test city", country = "TJ" }, Ct);
        var refused = await admin.PostAsJsonAsync(new Uri("/api/v1/organisations", UriKind.Relative), new { kind = "Trader", name = "No identifier", country = "KZ", traderFunctions = "Exporter" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var after = await EntriesAsync("access.organisation.created");
        var entry = Assert.Single(after, e => before.All(b => b.Sequence != e.Sequence));
        Assert.Equal("user", entry.ActorKind);
        Assert.Equal(me.GetProperty("id").GetString(), entry.ActorId);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetString();
        Assert.Equal(id, entry.EntityId);
    }

    [Fact]
    public async Task Listing_people_is_recorded_as_a_read_of_personal_data()
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var before = (await EntriesAsync("personal-data.read")).Count;

        var page = await admin.GetAsync(new Uri("/admin/users", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(before + 1, (await EntriesAsync("personal-data.read")).Count);
    }

    [Fact]
    public async Task An_administrator_browses_the_log_and_verifies_the_chain()
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/audit?action=reference.&verify=true", UriKind.Relative), Ct));

        Assert.Contains("reference.dataset.imported", html, StringComparison.Ordinal);
        Assert.Matches(@"The chain is intact: \d+ entries verified\.", html);
    }

    [Fact]
    public async Task A_trader_may_not_read_the_audit_log()
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);

        var response = await trader.GetAsync(new Uri("/admin/audit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
