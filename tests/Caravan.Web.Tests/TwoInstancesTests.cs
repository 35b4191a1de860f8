using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace Caravan.Web.Tests;

/// <summary>One of several hosts on a database another test owns.</summary>
internal sealed class SharedDatabaseHost(IReadOnlyDictionary<string, string?> settings, ICollection<string>? warnings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (warnings is not null)
        {
            // The host's warnings and errors, for a test to show when it fails.
            builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(warnings)));
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Keeps the text of every warning and error a host logs (with its exception).</summary>
internal sealed class CollectingLoggerProvider(ICollection<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ICollection<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (lines)
                {
                    lines.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}

/// <summary>
/// Issue 6: two host instances on one PostgreSQL database with NATS JetStream both take lodgings, and every event
/// reaches the stream once for each country it concerns — never twice, whichever instance dispatched it.
/// </summary>
public sealed class TwoInstancesTests
{
    private const string NatsVariable = "CARAVAN_TEST_NATS";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<HttpClient> TraderSystemAsync(WebApplicationFactory<Program> host) => MachineClientAsync(host, "demo-trader-kz");

    /// <summary>A client of <paramref name="host"/> holding a token of a demo machine client (demo-customs-kz → demo-secret-customs-kz).</summary>
    internal static async Task<HttpClient> MachineClientAsync(WebApplicationFactory<Program> host, string clientId)
    {
        var client = host.CreateClient();
        await CaravanWebFactory.WaitUntilReadyAsync(client);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientId.Replace("demo-", "demo-secret-", StringComparison.Ordinal),
        }), Ct);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Two_instances_on_one_database_both_lodge_and_each_event_reaches_the_stream_once_per_country()
    {
        TestDatabase.SkipUnlessAvailable(DatabaseProvider.Postgres);
        var nats = Environment.GetEnvironmentVariable(NatsVariable);
        if (string.IsNullOrEmpty(nats))
        {
            Assert.Skip($"{NatsVariable} is not set: start NATS with scripts/services/nats.sh (scripts/test.sh does).");
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var settings = database.Settings.Concat(new Dictionary<string, string?>
        {
            ["Caravan:Demo"] = "true",
            ["Caravan:Security:AllowHttpTokens"] = "true",
            ["Caravan:Messaging:Nats:Url"] = nats,
            ["Caravan:Messaging:Nats:Stream"] = prefix.ToUpperInvariant(),
            ["Caravan:Messaging:Nats:SubjectPrefix"] = prefix,
            ["Caravan:Messaging:DispatchIntervalMilliseconds"] = "50",
        }).ToDictionary();

        // The first instance migrates and seeds the demo; the second finds both done.
        await using var first = new SharedDatabaseHost(settings);
        var one = await TraderSystemAsync(first);
        await using var second = new SharedDatabaseHost(settings);
        var two = await TraderSystemAsync(second);

        // Each lodging comes from a national system's own trace (W3C traceparent); its events carry that trace on.
        var lodged = new List<string>();
        var traces = new Dictionary<string, string>();
        for (var i = 0; i < 6; i++)
        {
            var trace = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/consignments", UriKind.Relative))
            {
                Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan($"Cotton yarn, lot {i}")),
            };
            request.Headers.Add("traceparent", $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
            var response = await (i % 2 == 0 ? one : two).SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
            lodged.Add(id);
            traces[id] = trace;
        }

        // Three controls per consignment: 18 control.created events, each for one country.
        List<JsonElement> events = [];
        for (var i = 0; i < 600 && events.Count < 18; i++)
        {
            await Task.Delay(100, Ct);
            events = (await two.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/feed?after=0&limit=1000", UriKind.Relative), Ct)).GetProperty("events").EnumerateArray()
                .Where(e => lodged.Contains(e.GetProperty("subjectId").GetString()!)).ToList();
        }

        Assert.Equal(18, events.Count);
        Assert.Equal(18, events.Select(e => e.GetProperty("position").GetInt64()).Distinct().Count());

        await using var connection = new NatsConnection(new NatsOpts { Url = nats });
        var js = connection.CreateJetStreamContext();
        var stream = await js.GetStreamAsync(prefix.ToUpperInvariant(), cancellationToken: Ct);
        var ids = new List<string>();
        var consumer = await js.CreateOrderedConsumerAsync(prefix.ToUpperInvariant(), cancellationToken: Ct);
        await foreach (var message in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 100, Expires = TimeSpan.FromSeconds(2) }, cancellationToken: Ct))
        {
            ids.Add(message.Headers!["Nats-Msg-Id"].ToString());
            var subject = JsonDocument.Parse(message.Data!).RootElement.GetProperty("subjectId").GetString()!;
            Assert.StartsWith($"00-{traces[subject]}-", message.Headers!["traceparent"].ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(18, stream.Info.State.Messages);
        Assert.Equal(18, ids.Distinct().Count());
        Assert.Equal(events.Select(e => $"{e.GetProperty("id").GetString()}.{e.GetProperty("countries")[0].GetString()}").Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        await js.DeleteStreamAsync(prefix.ToUpperInvariant(), Ct);
    }
}
