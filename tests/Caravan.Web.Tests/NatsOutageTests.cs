using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using NATS.Client.Core;
using NATS.Net;

namespace Caravan.Web.Tests;

/// <summary>
/// NATS not answering when the host started, or losing its stream under the platform: lodgings are still
/// acknowledged, their events wait in the outbox, and they reach the feed and the stream by themselves once NATS can
/// take them — no restart. A private nats-server on its own port, so stopping it touches no other test.
/// </summary>
public sealed class NatsOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_lodged_while_NATS_is_down_reach_the_feed_and_the_stream_once_it_answers()
    {
        SkipWithoutNats();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreePort();
        var url = $"nats://127.0.0.1:{port}";
        await using var host = new SharedDatabaseHost(Settings(database, url));
        var trader = await TwoInstancesTests.TraderSystemAsync(host);

        // Nothing listens on the port: the lodging is acknowledged all the same, its events wait undispatched.
        var id = await LodgeAsync(trader, "Cotton yarn, lodged while NATS is down");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Empty(await FeedEventsAsync(trader, id));

        // The operator sees why: readiness stays up (lodging works) but says dispatch is behind, and the reason.
        var (status, dispatch) = await ReadinessAsync(trader);
        Assert.Equal("Degraded", status);
        Assert.Equal("Degraded", dispatch.GetProperty("status").GetString());
        var description = dispatch.GetProperty("description").GetString()!;
        Assert.StartsWith("3 event(s) waiting to be dispatched", description, StringComparison.Ordinal);
        Assert.Contains("nats", description, StringComparison.OrdinalIgnoreCase);

        var (server, store) = StartNats(port);
        try
        {
            // The same dispatcher, with no restart, delivers them once the server answers.
            var events = await AwaitFeedEventsAsync(trader, id, 3);
            Assert.Equal(["control.created", "control.created", "control.created"], events.Select(e => e.GetProperty("type").GetString()));

            await using var connection = new NatsConnection(new NatsOpts { Url = url });
            var stream = await connection.CreateJetStreamContext().GetStreamAsync("CARAVAN", cancellationToken: Ct);
            Assert.Equal(3, stream.Info.State.Messages);
            (status, dispatch) = await ReadinessAsync(trader);
            Assert.Equal("Healthy", status);
            Assert.Equal("Every event is dispatched.", dispatch.GetProperty("description").GetString());
        }
        finally
        {
            await StopAsync(server, store);
        }
    }

    [Fact]
    public async Task A_stream_deleted_under_the_platform_is_declared_again_and_the_next_events_reach_it()
    {
        SkipWithoutNats();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreePort();
        var url = $"nats://127.0.0.1:{port}";
        var (server, store) = StartNats(port);
        try
        {
            await using var host = new SharedDatabaseHost(Settings(database, url));
            var trader = await TwoInstancesTests.TraderSystemAsync(host);
            Assert.Equal(3, (await AwaitFeedEventsAsync(trader, await LodgeAsync(trader, "Cotton yarn, before the stream is lost"), 3)).Count);

            // An operator deletes the stream (or NATS lost its store): the next events must not be lost with it.
            await using var connection = new NatsConnection(new NatsOpts { Url = url });
            var js = connection.CreateJetStreamContext();
            Assert.True(await js.DeleteStreamAsync("CARAVAN", Ct));

            var after = await LodgeAsync(trader, "Cotton yarn, after the stream was lost");
            Assert.Equal(3, (await AwaitFeedEventsAsync(trader, after, 3)).Count);
            var stream = await js.GetStreamAsync("CARAVAN", cancellationToken: Ct);
            Assert.Equal(3, stream.Info.State.Messages);
        }
        finally
        {
            await StopAsync(server, store);
        }
    }

    private static void SkipWithoutNats()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CARAVAN_TEST_NATS")))
        {
            Assert.Skip("CARAVAN_TEST_NATS is not set: start NATS with scripts/services/nats.sh (scripts/test.sh does).");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>nats-server from the PATH or where Debian installs it.</summary>
    private static string? NatsServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin")
            .Select(d => Path.Combine(d, "nats-server")).FirstOrDefault(File.Exists);

    /// <summary>A nats-server of the test's own on <paramref name="port"/>, with its store in a temporary folder.</summary>
    private static (Process Server, DirectoryInfo Store) StartNats(int port)
    {
        var natsServer = NatsServer() ?? throw new InvalidOperationException("CARAVAN_TEST_NATS is set but nats-server is not installed here (apt-get install nats-server).");
        var store = Directory.CreateTempSubdirectory("caravan-nats-");
        var server = Process.Start(new ProcessStartInfo(natsServer, ["-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", store.FullName])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        return (server, store);
    }

    private static async Task StopAsync(Process server, DirectoryInfo store)
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync(Ct);
        server.Dispose();
        store.Delete(recursive: true);
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, string url) => database.Settings.Concat(new Dictionary<string, string?>
    {
        ["Caravan:Demo"] = "true",
        ["Caravan:Security:AllowHttpTokens"] = "true",
        ["Caravan:Messaging:Nats:Url"] = url,
        ["Caravan:Messaging:DispatchIntervalMilliseconds"] = "50",
        ["Caravan:Messaging:DispatchLagWarningSeconds"] = "1",
    }).ToDictionary();

    private static async Task<string> LodgeAsync(HttpClient trader, string description)
    {
        var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(description), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private static async Task<(string Status, JsonElement Dispatch)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("status").GetString()!, body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "dispatch"));
    }

    /// <summary>The feed's events about <paramref name="consignment"/> once there are <paramref name="count"/> (or after a minute).</summary>
    private static async Task<List<JsonElement>> AwaitFeedEventsAsync(HttpClient trader, string consignment, int count)
    {
        List<JsonElement> events = [];
        for (var i = 0; i < 600 && events.Count < count; i++)
        {
            await Task.Delay(100, Ct);
            events = await FeedEventsAsync(trader, consignment);
        }

        return events;
    }

    private static async Task<List<JsonElement>> FeedEventsAsync(HttpClient trader, string consignment) =>
        (await trader.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/feed?after=0&limit=1000", UriKind.Relative), Ct)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("subjectId").GetString() == consignment).ToList();
}
