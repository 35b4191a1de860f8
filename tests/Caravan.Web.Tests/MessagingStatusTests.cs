using System.Net;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Platform administrators see whether events flow — the outbox backlog, each consumer inside the platform and how
/// far behind it is, webhooks and NATS — in the API and on the page /admin/messaging; nobody else does.
/// </summary>
public abstract class MessagingStatusTests(DemoWebFactory factory)
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

public sealed class MessagingStatusOnSqlite(SqliteDemoWebFactory factory) : MessagingStatusTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class MessagingStatusOnPostgres(PostgresDemoWebFactory factory) : MessagingStatusTests(factory), IClassFixture<PostgresDemoWebFactory>;
