using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Platform.Messaging;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>The demo host with fast webhook retries (a fifth of a second, doubling) and plain-HTTP receivers allowed.</summary>
public class ExchangeWebFactory(DatabaseProvider provider) : DemoWebFactory(provider)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => base.ExtraSettings.Concat(new Dictionary<string, string?>
    {
        ["Caravan:Messaging:DispatchIntervalMilliseconds"] = "50",
        ["Caravan:Messaging:Webhooks:AllowHttp"] = "true",
        ["Caravan:Messaging:Webhooks:RetryBaseSeconds"] = "0.2",
        ["Caravan:Messaging:Webhooks:IntervalMilliseconds"] = "100",
        ["Caravan:Messaging:Webhooks:TimeoutSeconds"] = "1",
        ["Caravan:Messaging:Webhooks:MaxAttempts"] = "4",
    }).ToDictionary();
}

public sealed class SqliteExchangeWebFactory() : ExchangeWebFactory(DatabaseProvider.Sqlite);

public sealed class PostgresExchangeWebFactory() : ExchangeWebFactory(DatabaseProvider.Postgres);

/// <summary>A national system's endpoint on a real socket: answers 503 a number of times, or never answers in time.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public ConcurrentQueue<(string Path, string Body, string? Signature, string? EventId, string? TraceParent)> Received { get; } = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public int Attempts(string path) => _attempts.GetValueOrDefault(path);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{mode}/{failures:int}", async (string mode, int failures, HttpRequest request) =>
        {
            var path = request.Path.Value!;
            var attempt = receiver._attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (mode == "silent")
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                return Results.Ok();
            }

            if (attempt <= failures)
            {
                return Results.StatusCode(503);
            }

            receiver.Received.Enqueue((path, body, request.Headers[WebhookSignature.Header], request.Headers["Caravan-Event-Id"], request.Headers["traceparent"]));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// Issue 6: what the platform acknowledged reaches the administrations concerned — in the feed, resumable from any
/// cursor, and on their webhooks, signed, retried and dead-lettered — and nobody else.
/// </summary>
public abstract class ExchangeTests(ExchangeWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> FeedAsync(HttpClient client, long after = 0)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/feed?after={after}&limit=1000", UriKind.Relative), Ct);
        return page.GetProperty("events").EnumerateArray().ToList();
    }

    /// <summary>Dispatch runs in the background: wait (at most 20 s) until the feed shows what the predicate wants.</summary>
    private static async Task<List<JsonElement>> FeedUntilAsync(HttpClient client, Func<List<JsonElement>, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var events = await FeedAsync(client);
            if (done(events))
            {
                return events;
            }

            await Task.Delay(100, Ct);
        }

        return await FeedAsync(client);
    }

    private static IEnumerable<JsonElement> About(IEnumerable<JsonElement> events, string consignment) =>
        events.Where(e => e.GetProperty("subjectId").GetString() == consignment);

    /// <summary>Lodges as Kazakhstan's demo trader; with <paramref name="traceParent"/>, from within that trace.</summary>
    private async Task<JsonElement> LodgeAsync(string? traceParent = null)
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/consignments", UriKind.Relative)) { Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan()) };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        var response = await trader.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Each_administration_on_the_route_reads_its_pre_arrival_data_in_the_feed_and_one_off_the_route_reads_nothing()
    {
        factory.SkipUnlessAvailable();
        var lodged = await LodgeAsync();
        var id = lodged.GetProperty("id").GetString()!;
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var cn = await factory.MachineClientAsync("demo-customs-cn");
        var tj = await factory.MachineClientAsync("demo-customs-tj");
        var trader = await factory.MachineClientAsync("demo-trader-kz");

        var kazakh = About(await FeedUntilAsync(kz, e => About(e, id).Any()), id).ToList();
        var chinese = About(await FeedUntilAsync(cn, e => About(e, id).Any()), id).ToList();
        var traders = About(await FeedUntilAsync(trader, e => About(e, id).Count() >= 3), id).ToList();
        var tajik = About(await FeedAsync(tj), id).ToList();

        var created = Assert.Single(kazakh);
        Assert.Equal("control.created", created.GetProperty("type").GetString());
        var payload = created.GetProperty("payload");
        Assert.Equal(("KZ", "transit", "CN-KZ-01", "KZ-UZ-01"), (payload.GetProperty("country").GetString(), payload.GetProperty("role").GetString(), payload.GetProperty("entryCrossingId").GetString(), payload.GetProperty("exitCrossingId").GetString()));
        Assert.Equal("520512", payload.GetProperty("declaration").GetProperty("goodsItems")[0].GetProperty("hsCode").GetString());
        Assert.Equal("CN", Assert.Single(chinese).GetProperty("payload").GetProperty("country").GetString());
        Assert.Equal(["CN", "KZ", "UZ"], traders.Select(e => e.GetProperty("payload").GetProperty("country").GetString()).Order(StringComparer.Ordinal));
        Assert.Empty(tajik);
    }

    [Fact]
    public async Task The_feed_is_ordered_without_gaps_and_resumes_from_any_cursor()
    {
        factory.SkipUnlessAvailable();
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await LodgeAsync()).GetProperty("id").GetString()!);
        }

        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var all = await FeedUntilAsync(admin, e => ids.All(id => About(e, id).Count() == 3));
        var positions = all.Select(e => e.GetProperty("position").GetInt64()).ToList();
        var middle = positions[positions.Count / 2];
        var resumed = await FeedAsync(admin, middle);

        Assert.Equal(Enumerable.Range(1, positions.Count).Select(i => (long)i), positions);
        Assert.Equal(positions.Where(p => p > middle), resumed.Select(e => e.GetProperty("position").GetInt64()));
        Assert.Equal(all.Count, all.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        var kazakh = await FeedAsync(kz);
        Assert.All(kazakh, e => Assert.Contains("KZ", e.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task A_decision_reaches_every_administration_on_the_route_and_the_trader()
    {
        factory.SkipUnlessAvailable();
        var lodged = await LodgeAsync();
        var id = lodged.GetProperty("id").GetString()!;
        var cnControl = lodged.GetProperty("controls")[0].GetProperty("id").GetString();
        var cn = await factory.MachineClientAsync("demo-customs-cn");
        Assert.True((await cn.PostAsJsonAsync(new Uri($"/api/v1/controls/{cnControl}/decisions", UriKind.Relative), new { decision = "accept" }, Ct)).IsSuccessStatusCode);

        var uz = await factory.MachineClientAsync("demo-customs-uz");
        var events = About(await FeedUntilAsync(uz, e => About(e, id).Any(x => x.GetProperty("type").GetString() == "control.decision-recorded")), id).ToList();

        var decision = events.Single(e => e.GetProperty("type").GetString() == "control.decision-recorded").GetProperty("payload");
        Assert.Equal(("CN", "accept", "pre-arrival", "under-assessment"), (decision.GetProperty("country").GetString(), decision.GetProperty("decision").GetString(), decision.GetProperty("fromState").GetString(), decision.GetProperty("toState").GetString()));
    }

    [Fact]
    public async Task A_webhook_that_fails_three_times_gets_the_event_on_the_fourth_signed_and_one_that_never_answers_ends_dead()
    {
        factory.SkipUnlessAvailable();
        await using var receiver = await WebhookReceiver.StartAsync();
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var uz = await factory.MachineClientAsync("demo-customs-uz");
        var flaky = await (await kz.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = $"{receiver.BaseUrl}/flaky/3", eventTypes = new[] { "control.created" } }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var silentResponse = await uz.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = $"{receiver.BaseUrl}/silent/0", eventTypes = new[] { "*" } }, Ct);
        var silent = await silentResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, silentResponse.StatusCode);
        var secret = flaky.GetProperty("secret").GetString()!;

        var trace = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        var id = (await LodgeAsync($"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01")).GetProperty("id").GetString()!;
        for (var i = 0; i < 300 && receiver.Received.IsEmpty; i++)
        {
            await Task.Delay(100, Ct);
        }

        var (_, body, signature, eventId, traceParent) = Assert.Single(receiver.Received);
        // The delivery carries the trace the trader's lodging began, so Kazakhstan's system can continue it.
        Assert.StartsWith($"00-{trace}-", traceParent, StringComparison.Ordinal);
        Assert.Equal(4, receiver.Attempts("/flaky/3"));
        Assert.True(WebhookSignature.Verify(secret, signature!, body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another secret", signature!, body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)));
        var received = JsonDocument.Parse(body).RootElement;
        Assert.Equal((id, "control.created", eventId), (received.GetProperty("subjectId").GetString(), received.GetProperty("type").GetString(), received.GetProperty("id").GetString()));
        Assert.Equal("KZ", received.GetProperty("payload").GetProperty("country").GetString());

        List<JsonElement> dead = [];
        for (var i = 0; i < 300 && dead.Count == 0; i++)
        {
            await Task.Delay(100, Ct);
            dead = (await uz.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/webhooks/{silent.GetProperty("id").GetString()}/deliveries?status=dead", UriKind.Relative), Ct))!;
        }

        var deadLetter = Assert.Single(dead);
        Assert.Equal(4, deadLetter.GetProperty("attempts").GetInt32());
        Assert.Contains("no answer", deadLetter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var delivered = (await kz.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/webhooks/{flaky.GetProperty("id").GetString()}/deliveries", UriKind.Relative), Ct))!;
        Assert.Equal(("delivered", 4), (delivered[0].GetProperty("status").GetString(), delivered[0].GetProperty("attempts").GetInt32()));

        // The dead delivery is replayed on request, and another organisation cannot touch it.
        var replay = new Uri($"/api/v1/webhooks/deliveries/{deadLetter.GetProperty("id").GetString()}/replay", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Forbidden, (await kz.PostAsync(replay, null, Ct)).StatusCode);
        var replayed = await (await uz.PostAsync(replay, null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("pending", 0), (replayed.GetProperty("status").GetString(), replayed.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task A_decision_retried_with_the_same_message_id_is_applied_once_and_the_id_cannot_be_reused_for_another()
    {
        factory.SkipUnlessAvailable();
        var lodged = await LodgeAsync();
        var control = lodged.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var messageId = $"KZ-ASTANA-{Guid.NewGuid():N}";
        async Task<HttpResponseMessage> SendAsync(string decision)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative)) { Content = JsonContent.Create(new { decision }) };
            request.Headers.Add("Idempotency-Key", messageId);
            return await kz.SendAsync(request, Ct);
        }

        var first = await SendAsync("accept");
        var retried = await SendAsync("accept");
        var reused = await SendAsync("refuse");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("under-assessment", (await retried.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        var timeline = await kz.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/consignments/{lodged.GetProperty("id").GetString()}/timeline", UriKind.Relative), Ct);
        Assert.Single(timeline!, e => e.GetProperty("kind").GetString() == "decision" && e.GetProperty("what").GetString() == "accept");
    }

    [Fact]
    public async Task A_webhook_needs_a_url_and_known_event_types()
    {
        factory.SkipUnlessAvailable();
        var kz = await factory.MachineClientAsync("demo-customs-kz");

        var response = await kz.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = "ftp://example.org/hook", eventTypes = new[] { "control.created", "control.teleported" } }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["eventTypes[1]", "url"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await kz.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/webhooks", UriKind.Relative), Ct) ?? [], w => w.GetProperty("url").GetString()!.StartsWith("ftp", StringComparison.Ordinal));
    }
}

public sealed class ExchangeOnSqlite(SqliteExchangeWebFactory factory) : ExchangeTests(factory), IClassFixture<SqliteExchangeWebFactory>;

public sealed class ExchangeOnPostgres(PostgresExchangeWebFactory factory) : ExchangeTests(factory), IClassFixture<PostgresExchangeWebFactory>;
