using System.Text.Json;
using Caravan.Cli.Simulation;
using Caravan.Simulation;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.Extensions.Configuration;

namespace Caravan.Cli.Tests;

/// <summary>
/// `caravan simulate` (issue 6): two days of traffic through the API on a simulated clock, then the platform read
/// back through the same API as the trader's and the national systems see it.
/// </summary>
public abstract class SimulateTests(DatabaseProvider provider)
{
    private static readonly string[] EventOrder =
        ["arrived-at-crossing", "entered-queue", "check-started", "check-finished", "released", "exited", "entered-next-country"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_days_of_traffic_leave_a_consistent_history_that_the_api_and_the_queues_show()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var before = TimeProvider.System.GetUtcNow();

        var code = await CaravanCli.RunAsync(["simulate", "--days", "2", "--scale", "0.25", "--seed", "7"], output, error, database.Settings, Ct);

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Contains("day   1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("day   2", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(0 failed)", output.ToString(), StringComparison.Ordinal);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        await using var host = await SimulatedHost.StartAsync(configuration, TimeProvider.System, Ct);
        var api = new PlatformApi(host.Client, TimeProvider.System);
        var consignments = (await api.GetAsync(PlatformApi.Trader, "/api/v1/consignments", Ct))!.Value.EnumerateArray().ToList();
        var start = before.AddDays(-2).AddMinutes(-1);
        var end = TimeProvider.System.GetUtcNow();

        Assert.True(consignments.Count >= 15, $"{consignments.Count} consignments");
        var lodgedOn = consignments.Select(c => c.GetProperty("lodgedAt").GetDateTimeOffset()).ToList();
        Assert.All(lodgedOn, at => Assert.InRange(at, start, end));
        Assert.True(lodgedOn.Select(at => (int)((at - start).TotalDays)).Distinct().Count() >= 2, "lodgings spread over both days");
        var channels = consignments.SelectMany(c => c.GetProperty("controls").EnumerateArray()).Select(c => c.GetProperty("channel").GetString()).Distinct().ToList();
        Assert.True(channels.Count >= 2, $"channels: {string.Join(", ", channels)}");

        var released = consignments.Where(c => c.GetProperty("status").GetString() is "released" or "arrived").ToList();
        Assert.NotEmpty(released);
        foreach (var consignment in released)
        {
            var id = consignment.GetProperty("id").GetString();
            var timeline = (await api.GetAsync(PlatformApi.Trader, $"/api/v1/consignments/{id}/timeline", Ct))!.Value.EnumerateArray().ToList();
            AssertConsistent(consignment, timeline, start, end);
        }

        var queue = (await api.GetAsync(PlatformApi.Customs("KZ"), "/api/v1/customs/KZ/controls", Ct))!.Value.EnumerateArray().ToList();
        Assert.NotEmpty(queue);
        Assert.Contains(queue, c => c.GetProperty("state").GetString() == "released");

        // The operator's rebuild measures every consignment's controls again: all of them, nothing to remove, and the
        // public figures are those the event consumer had projected.
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"/api/v1/analytics/release-times?from={start.UtcDateTime:yyyy-MM-dd}&to={today}&groupBy=country";
        var projected = await ProjectedReportAsync(host.Client, query, consignments.Sum(c => c.GetProperty("controls").GetArrayLength()));
        using var rebuildOutput = new StringWriter();
        Assert.Equal(0, await CaravanCli.RunAsync(["release-times", "rebuild"], rebuildOutput, error, database.Settings, Ct));
        var controls = consignments.Sum(c => c.GetProperty("controls").GetArrayLength());
        Assert.Contains($"Measured {controls} controls of {consignments.Count} consignments", rebuildOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("; 0 rows of controls that no longer exist removed.", rebuildOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(projected, await host.Client.GetStringAsync(new Uri(query, UriKind.Relative), Ct));
    }

    /// <summary>
    /// The report as this host finds it, before it has dispatched or projected anything itself: the simulation's host
    /// dispatched what it held and let the release-time consumer read it as it stopped, so every control is counted.
    /// </summary>
    private static async Task<string> ProjectedReportAsync(HttpClient client, string query, int controls)
    {
        var report = await client.GetStringAsync(new Uri(query, UriKind.Relative), Ct);
        Assert.Equal(controls, JsonDocument.Parse(report).RootElement.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("controls").GetInt32()));
        return report;
    }

    /// <summary>
    /// Lodged first, every step within the simulated period, each post's events in their order, a country left
    /// before the next one's post saw the consignment, and every control released.
    /// </summary>
    private static void AssertConsistent(JsonElement consignment, List<JsonElement> timeline, DateTimeOffset start, DateTimeOffset end)
    {
        var reference = consignment.GetProperty("reference").GetString();
        var times = timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal("lodged", timeline[0].GetProperty("kind").GetString());
        Assert.Equal(times.Order(), times);
        Assert.All(times, at => Assert.InRange(at, start, end));
        Assert.All(consignment.GetProperty("controls").EnumerateArray(), c => Assert.Equal("released", c.GetProperty("state").GetString()));

        var events = timeline.Where(e => e.GetProperty("kind").GetString() == "event").ToList();
        foreach (var post in events.Where(e => e.GetProperty("crossingId").ValueKind == JsonValueKind.String)
                     .GroupBy(e => (Country: e.GetProperty("country").GetString(), Crossing: e.GetProperty("crossingId").GetString())))
        {
            var order = post.Select(e => Array.IndexOf(EventOrder, e.GetProperty("what").GetString())).ToList();
            Assert.True(order.SequenceEqual(order.Order()) && order.Distinct().Count() == order.Count, $"{reference} at {post.Key}: {string.Join(", ", post.Select(e => e.GetProperty("what").GetString()))}");
            Assert.Equal(0, order[0]);
        }

        var countries = consignment.GetProperty("controls").EnumerateArray().OrderBy(c => c.GetProperty("sequence").GetInt32()).ToList();
        for (var i = 0; i + 1 < countries.Count; i++)
        {
            var crossing = countries[i].GetProperty("exitCrossingId").GetString();
            var exited = events.Single(e => e.GetProperty("what").GetString() == "exited" && e.GetProperty("crossingId").GetString() == crossing);
            var arrived = events.Single(e => e.GetProperty("what").GetString() == "arrived-at-crossing" && e.GetProperty("crossingId").GetString() == crossing && e.GetProperty("country").GetString() == countries[i + 1].GetProperty("country").GetString());
            Assert.True(exited.GetProperty("at").GetDateTimeOffset() < arrived.GetProperty("at").GetDateTimeOffset(), $"{reference}: left {crossing} before the next post saw it");
        }

        if (consignment.GetProperty("status").GetString() == "arrived")
        {
            Assert.Equal("arrived-at-destination", events[^1].GetProperty("what").GetString());
        }
    }
}

public sealed class SimulateOnSqlite() : SimulateTests(DatabaseProvider.Sqlite);

public sealed class SimulateOnPostgres() : SimulateTests(DatabaseProvider.Postgres);
