using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Platform administrators see whether events flow — the outbox backlog, each consumer inside the platform and how
/// far behind it is, webhooks and NATS — in the API and on the page /admin/messaging; nobody else does.
/// </summary>
public abstract class MessagingStatusTests(ExchangeWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_sees_every_event_dispatched_and_each_consumer_caught_up()
    {
        factory.SkipUnlessAvailable();
        await factory.ConsignmentOfTraderKzAsync();
        var admin = await factory.ClientAsync(DemoPerson.Administrator);

        // Dispatch and the consumers run every 200 ms: soon nothing waits and no consumer is behind.
        JsonElement status = default;
        for (var i = 0; i < 200; i++)
        {
            status = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/messaging/status", UriKind.Relative), Ct)).RootElement;
            var consumers = status.GetProperty("consumers").EnumerateArray().ToList();
            if (status.GetProperty("outbox").GetProperty("waiting").GetInt32() == 0
                && consumers.Count >= 2 && consumers.All(c => c.GetProperty("behind").GetInt64() == 0))
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        var outbox = status.GetProperty("outbox");
        Assert.Equal(0, outbox.GetProperty("waiting").GetInt32());
        Assert.Equal(JsonValueKind.Null, outbox.GetProperty("oldestWaitingSince").ValueKind);
        Assert.False(outbox.GetProperty("late").GetBoolean());
        var last = outbox.GetProperty("lastPosition").GetInt64();
        Assert.True(last >= 3, $"the lodging's three control.created events have feed positions (last {last})");
        var names = status.GetProperty("consumers").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("trade.release-times", names);
        Assert.Contains("trade.trader-notifications", names);
        Assert.All(status.GetProperty("consumers").EnumerateArray(), c => Assert.Equal(last, c.GetProperty("position").GetInt64()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("natsStream").ValueKind);

        var page = await admin.GetStringAsync(new Uri("/admin/messaging", UriKind.Relative), Ct);
        Assert.Contains("<h1>Event delivery</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Events are flowing", page, StringComparison.Ordinal);
        Assert.Contains("data-key=\"trade.release-times\"", page, StringComparison.Ordinal);
        Assert.Contains("not configured (the feed and webhooks only)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/messaging\"", await admin.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_national_system_whose_endpoint_does_not_answer_is_listed_with_its_failures_and_last_error()
    {
        factory.SkipUnlessAvailable();
        // Nothing listens on this port: every delivery fails with a refused connection.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var kz = await factory.MachineClientAsync("demo-customs-kz");
        var url = $"http://127.0.0.1:{port}/caravan-events";
        using var registered = await kz.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url, eventTypes = new[] { "control.created" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var webhook = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        Assert.Equal(HttpStatusCode.Created, (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).StatusCode);

        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        JsonElement? trouble = null;
        for (var i = 0; i < 200 && trouble is null; i++)
        {
            await Task.Delay(100, Ct);
            var status = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/messaging/status", UriKind.Relative), Ct)).RootElement;
            trouble = status.GetProperty("webhooks").GetProperty("troubled").EnumerateArray()
                .Where(w => w.GetProperty("webhook").GetString() == webhook && w.GetProperty("lastError").ValueKind == JsonValueKind.String)
                .Select(w => (JsonElement?)w.Clone()).FirstOrDefault();
        }

        Assert.NotNull(trouble);
        var w = trouble.Value;
        Assert.Equal(url, w.GetProperty("url").GetString());
        Assert.True(w.GetProperty("retrying").GetInt32() + w.GetProperty("dead").GetInt32() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("lastError").GetString()));

        var page = await admin.GetStringAsync(new Uri("/admin/messaging", UriKind.Relative), Ct);
        Assert.Contains("Webhooks that are failing", page, StringComparison.Ordinal);
        Assert.Contains($"<code>{url}</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<th scope=\"row\">{w.GetProperty("organisation").GetString()}</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_else_sees_the_page_and_visitors_are_sent_to_sign_in()
    {
        factory.SkipUnlessAvailable();
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        using var refused = await officer.GetAsync(new Uri("/admin/messaging", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/denied", refused.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("href=\"/admin/messaging\"", await officer.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);

        var visitor = await factory.ClientAsync(null);
        using var anonymous = await visitor.GetAsync(new Uri("/admin/messaging", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/signin", anonymous.Headers.Location!.AbsolutePath);
    }
}

public sealed class MessagingStatusOnSqlite(SqliteExchangeWebFactory factory) : MessagingStatusTests(factory), IClassFixture<SqliteExchangeWebFactory>;

public sealed class MessagingStatusOnPostgres(PostgresExchangeWebFactory factory) : MessagingStatusTests(factory), IClassFixture<PostgresExchangeWebFactory>;
