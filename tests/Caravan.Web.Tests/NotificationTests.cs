using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Traders are told what the administrations decided on their consignments: a durable consumer of the feed turns
/// decisions into notifications of the lodging organisation only, shown on the notifications page until read.
/// </summary>
public abstract class NotificationTests(ExchangeWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_release_in_kazakhstan_becomes_a_notification_of_the_lodging_trader_only_and_is_read_once()
    {
        factory.SkipUnlessAvailable();
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var lodged = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var reference = lodged.GetProperty("reference").GetString();
        var control = lodged.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var kz = await factory.MachineClientAsync("demo-customs-kz");
        foreach (var decision in new[] { "accept", "release" })
        {
            Assert.True((await kz.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), new { decision }, Ct)).IsSuccessStatusCode);
        }

        List<JsonElement> mine = [];
        for (var i = 0; i < 200 && mine.Count == 0; i++)
        {
            await Task.Delay(100, Ct);
            mine = (await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/notifications?unread=true", UriKind.Relative), Ct))!
                .Where(n => n.GetProperty("reference").GetString() == reference).ToList();
        }

        var released = Assert.Single(mine);
        Assert.Equal(("KZ", "release", false), (released.GetProperty("country").GetString(), released.GetProperty("what").GetString(), released.GetProperty("read").GetBoolean()));
        var other = await factory.ClientAsync(DemoPerson.TraderCn);
        Assert.DoesNotContain((await other.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/notifications", UriKind.Relative), Ct))!, n => n.GetProperty("reference").GetString() == reference);

        var page = await trader.GetStringAsync(new Uri("/notifications", UriKind.Relative), Ct);
        Assert.Contains(reference!, page, StringComparison.Ordinal);
        Assert.Contains("Release", page, StringComparison.Ordinal);
        var marked = await (await trader.PostAsync(new Uri("/api/v1/notifications/read", UriKind.Relative), null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(marked.GetProperty("marked").GetInt32() >= 1);
        Assert.DoesNotContain((await trader.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/notifications?unread=true", UriKind.Relative), Ct))!, n => n.GetProperty("reference").GetString() == reference);
        Assert.Equal(HttpStatusCode.OK, (await trader.GetAsync(new Uri("/notifications", UriKind.Relative), Ct)).StatusCode);
    }
}

public sealed class NotificationsOnSqlite(SqliteExchangeWebFactory factory) : NotificationTests(factory), IClassFixture<SqliteExchangeWebFactory>;

public sealed class NotificationsOnPostgres(PostgresExchangeWebFactory factory) : NotificationTests(factory), IClassFixture<PostgresExchangeWebFactory>;
