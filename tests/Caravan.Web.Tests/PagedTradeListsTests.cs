using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The consignment list and the customs work queue over more than a page of history (what a simulated week gives):
/// each says how many match and on how many pages, every page is reachable, the queue opens on what is still to
/// decide, and the list's status filter, run in the database, agrees with the status each row shows.
/// </summary>
public abstract partial class PagedTradeListsTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Statuses = ["lodged", "in-transit", "held", "refused", "released", "arrived", "cancelled"];

    private static readonly string[] OpenStates = ["pre-arrival", "under-assessment", "documents-requested", "inspection"];

    private static readonly string[] AllStates = [.. OpenStates, "released", "refused", "cancelled"];

    private sealed record Lodged(string Id, string Reference, DateTimeOffset At, Dictionary<string, string> Controls);

    private async Task<Lodged> LodgeAsync(HttpClient trader)
    {
        var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return new Lodged(
            body.GetProperty("id").GetString()!,
            body.GetProperty("reference").GetString()!,
            body.GetProperty("lodgedAt").GetDateTimeOffset(),
            body.GetProperty("controls").EnumerateArray().ToDictionary(c => c.GetProperty("country").GetString()!, c => c.GetProperty("id").GetString()!));
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static Task DecideAsync(HttpClient client, string control, string decision, string? reasonCode = null) =>
        PostAsync(client, $"/api/v1/controls/{control}/decisions", new { decision, reasonCode });

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static int Total(string html) => Total().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static int Pages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    [Fact]
    public async Task The_queue_opens_on_the_controls_still_to_decide_and_says_how_many_on_how_many_pages()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var lodged = new List<Lodged>();
        for (var i = 0; i < 27; i++)
        {
            lodged.Add(await LodgeAsync(trader));
        }

        var kz = await factory.MachineClientAsync("demo-customs-kz");
        await DecideAsync(kz, lodged[0].Controls["KZ"], "accept");
        await DecideAsync(kz, lodged[0].Controls["KZ"], "release");
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);

        var first = await PageAsync(officer, "/customs/queue");
        var open = Total(first);
        var pages = Pages(open, 25);
        var last = await PageAsync(officer, $"/customs/queue?p={pages}");
        var released = await PageAsync(officer, "/customs/queue?state=released");
        var all = Total(await PageAsync(officer, "/customs/queue?state=all"));

        Assert.True(open >= 26, $"{open} open controls");
        Assert.Contains($"{open} controls", first, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {pages}", first, StringComparison.Ordinal);
        Assert.Equal(25, QueueRow().Count(first));
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(lodged[0].Reference, first, StringComparison.Ordinal);
        Assert.Contains(lodged[0].Reference, released, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", last, StringComparison.Ordinal);
        Assert.Equal(open - (25 * (pages - 1)), QueueRow().Count(last));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", last, StringComparison.Ordinal);
        var byState = new Dictionary<string, int>();
        foreach (var state in AllStates)
        {
            byState[state] = Total(await PageAsync(officer, $"/customs/queue?state={state}"));
        }

        Assert.Equal(open, OpenStates.Sum(s => byState[s]));
        Assert.Equal(all, byState.Values.Sum());
    }

    [Fact]
    public async Task The_consignment_list_pages_through_every_consignment_and_filters_by_the_status_each_row_shows()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var lodged = new List<Lodged>();
        for (var i = 0; i < 52; i++)
        {
            lodged.Add(await LodgeAsync(trader));
        }

        var customs = new Dictionary<string, HttpClient>();
        foreach (var country in new[] { "CN", "KZ", "UZ" })
        {
            customs[country] = await factory.MachineClientAsync("demo-customs-" + country.ToLowerInvariant());
        }

        foreach (var journey in lodged.Take(2))
        {
            foreach (var (country, client) in customs)
            {
                await DecideAsync(client, journey.Controls[country], "accept");
                await DecideAsync(client, journey.Controls[country], "release");
            }
        }

        await PostAsync(trader, $"/api/v1/consignments/{lodged[1].Id}/events", new { type = "arrived-at-destination", country = "UZ", occurredAt = lodged[1].At.AddMilliseconds(50) });
        await DecideAsync(customs["KZ"], lodged[2].Controls["KZ"], "accept");
        await DecideAsync(customs["KZ"], lodged[2].Controls["KZ"], "order-documentary-inspection", "DOC-RISK");
        await DecideAsync(customs["KZ"], lodged[3].Controls["KZ"], "refuse", "PROHIBITED");
        await PostAsync(trader, $"/api/v1/consignments/{lodged[4].Id}/cancellation", new { reason = "The buyer cancelled the order." });
        await PostAsync(customs["KZ"], $"/api/v1/consignments/{lodged[5].Id}/events", new { type = "arrived-at-crossing", country = "KZ", crossingId = "CN-KZ-01", occurredAt = lodged[5].At.AddMilliseconds(10) });

        var first = await PageAsync(trader, "/consignments");
        var total = Total(first);
        var pages = Pages(total, 50);
        var last = await PageAsync(trader, $"/consignments?p={pages}");

        Assert.True(total >= 52, $"{total} consignments");
        Assert.Contains($"{total} consignments", first, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {pages}", first, StringComparison.Ordinal);
        Assert.Equal(50, ListRow().Count(first));
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(total - (50 * (pages - 1)), ListRow().Count(last));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        // The oldest of these is only on a later page: newest first.
        Assert.DoesNotContain(lodged[0].Reference, first, StringComparison.Ordinal);
        var byStatus = new Dictionary<string, int>();
        foreach (var status in Statuses)
        {
            var html = await PageAsync(trader, $"/consignments?status={status}");
            byStatus[status] = Total(html);
            var shown = StatusChip().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.True(byStatus[status] >= 1, $"no consignment is {status}");
            Assert.Equal(Math.Min(50, byStatus[status]), shown.Count);
            Assert.All(shown, s => Assert.Equal(status, s));
        }

        Assert.Equal(total, byStatus.Values.Sum());
    }

    [GeneratedRegex(@"data-total=""(\d+)""")]
    private static partial Regex Total();

    [GeneratedRegex(@"<th scope=""row""><a href=""/customs/controls/")]
    private static partial Regex QueueRow();

    [GeneratedRegex(@"<th scope=""row""><a href=""/consignments/")]
    private static partial Regex ListRow();

    [GeneratedRegex(@"<span class=""status status-([a-z-]+)"">")]
    private static partial Regex StatusChip();
}

public sealed class PagedTradeListsOnSqlite(SqliteDemoWebFactory factory) : PagedTradeListsTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class PagedTradeListsOnPostgres(PostgresDemoWebFactory factory) : PagedTradeListsTests(factory), IClassFixture<PostgresDemoWebFactory>;
