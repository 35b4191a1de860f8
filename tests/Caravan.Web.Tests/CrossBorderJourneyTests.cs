using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Issue 4's journey: a consignment from China through Kazakhstan to Uzbekistan, each administration deciding and
/// recording what happens at its border, and one timeline in which every step appears once, in order, in local time.
/// </summary>
public abstract class CrossBorderJourneyTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task DecideAsync(HttpClient client, string control, string decision)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), new { decision }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{decision}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task<HttpStatusCode> EventAsync(HttpClient client, string consignment, string type, string country, string? crossing, DateTimeOffset at)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/consignments/{consignment}/events", UriKind.Relative), new { type, country, crossingId = crossing, occurredAt = at }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{type}: {await response.Content.ReadAsStringAsync(Ct)}");
        return response.StatusCode;
    }

    [Fact]
    public async Task A_consignment_crosses_from_china_through_kazakhstan_to_uzbekistan_and_its_timeline_tells_it_once_in_order()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var lodged = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = lodged.GetProperty("id").GetString()!;
        string Control(string country) => lodged.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == country).GetProperty("id").GetString()!;
        var cn = await factory.MachineClientAsync("demo-customs-cn");
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var uz = await factory.MachineClientAsync("demo-customs-uz");
        // The journey happens after lodging; the clock is real, so its steps are milliseconds apart.
        var start = lodged.GetProperty("lodgedAt").GetDateTimeOffset();

        async Task<string> StatusAsync() => (await trader.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{id}", UriKind.Relative), Ct)).GetProperty("status").GetString()!;
        var atLodging = await StatusAsync();

        await DecideAsync(cn, Control("CN"), "accept");
        await DecideAsync(cn, Control("CN"), "release");
        await DecideAsync(kz, Control("KZ"), "accept");
        await DecideAsync(uz, Control("UZ"), "accept");
        // Reported out of order, from both sides, one of them twice.
        await EventAsync(kz, id, "released", "KZ", "KZ-UZ-01", start.AddMilliseconds(90));
        await EventAsync(cn, id, "exited", "CN", "CN-KZ-01", start.AddMilliseconds(10));
        await EventAsync(kz, id, "arrived-at-crossing", "KZ", "CN-KZ-01", start.AddMilliseconds(20));
        var twice = await EventAsync(kz, id, "arrived-at-crossing", "KZ", "CN-KZ-01", start.AddMilliseconds(20));
        await EventAsync(uz, id, "entered-next-country", "UZ", "KZ-UZ-01", start.AddMilliseconds(100));
        var onTheWay = await StatusAsync();
        await EventAsync(trader, id, "arrived-at-destination", "UZ", null, start.AddMilliseconds(140));
        await DecideAsync(kz, Control("KZ"), "release");
        await DecideAsync(uz, Control("UZ"), "release");

        var timeline = await trader.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/consignments/{id}/timeline", UriKind.Relative), Ct);
        var events = timeline!.Where(e => e.GetProperty("kind").GetString() == "event").Select(e => $"{e.GetProperty("country").GetString()} {e.GetProperty("what").GetString()}").ToList();
        var decisions = timeline!.Where(e => e.GetProperty("kind").GetString() == "decision").Select(e => $"{e.GetProperty("country").GetString()} {e.GetProperty("what").GetString()}").ToList();

        Assert.Equal(HttpStatusCode.OK, twice);
        Assert.Equal(["lodged", "in-transit", "arrived"], new[] { atLodging, onTheWay, await StatusAsync() });
        Assert.Equal(["CN exited", "KZ arrived-at-crossing", "KZ released", "UZ entered-next-country", "UZ arrived-at-destination"], events);
        Assert.Equal(6, decisions.Count);
        Assert.Equal(6, decisions.Distinct().Count());
        Assert.Equal("lodged", timeline![0].GetProperty("kind").GetString());
        var times = timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        var kazakhArrival = timeline.Single(e => e.GetProperty("what").GetString() == "arrived-at-crossing");
        Assert.EndsWith("UTC+05:00", kazakhArrival.GetProperty("localTime").GetString(), StringComparison.Ordinal);
        var chineseExit = timeline.Single(e => e.GetProperty("what").GetString() == "exited");
        Assert.EndsWith("UTC+08:00", chineseExit.GetProperty("localTime").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teleported", "KZ", "CN-KZ-01", "type")]
    [InlineData("arrived-at-crossing", "TJ", "CN-KZ-01", "country")]
    [InlineData("arrived-at-crossing", "KZ", "KG-TJ-01", "crossingId")]
    [InlineData("arrived-at-crossing", "KZ", null, "crossingId")]
    public async Task A_wrong_border_event_names_the_field(string type, string country, string? crossing, string field)
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var id = (await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var response = await trader.PostAsJsonAsync(new Uri($"/api/v1/consignments/{id}/events", UriKind.Relative), new { type, country, crossingId = crossing, occurredAt = TimeProvider.System.GetUtcNow().AddHours(-1) }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}

public sealed class CrossBorderJourneyOnSqlite(SqliteDemoWebFactory factory) : CrossBorderJourneyTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class CrossBorderJourneyOnPostgres(PostgresDemoWebFactory factory) : CrossBorderJourneyTests(factory), IClassFixture<PostgresDemoWebFactory>;
