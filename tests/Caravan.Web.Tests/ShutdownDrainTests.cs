using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Caravan.Web.Tests;

/// <summary>
/// An instance that stops (a deployment, a scale-down, the end of a simulation) first dispatches the events it still
/// holds and hands them to the consumers (traders' notifications, the release-time projection): the feed, the
/// notifications and the figures are current the moment it is gone, not only once another instance starts.
/// </summary>
public sealed class ShutdownDrainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_stopping_host_dispatches_what_it_holds_and_its_consumers_read_it(DatabaseProvider provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = database.Settings.Concat(new Dictionary<string, string?>
        {
            ["Caravan:Demo"] = "true",
            ["Caravan:Demo:LiveTraffic"] = "false",
            ["Caravan:Security:AllowHttpTokens"] = "true",
            // The loops look once at start-up and then not for ten minutes: only the stop can dispatch what follows.
            ["Caravan:Messaging:DispatchIntervalMilliseconds"] = "600000",
            // Any wait counts as late here, so the administrator's page shows the backlog as a problem.
            ["Caravan:Messaging:DispatchLagWarningSeconds"] = "0",
        }).ToDictionary();

        string reference;
        var warnings = new List<string>();
        await using (var host = new SharedDatabaseHost(settings, warnings))
        {
            var trader = await TwoInstancesTests.MachineClientAsync(host, "demo-trader-kz");
            var lodged = await (await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan("Cotton yarn, lodged just before a stop"), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            reference = lodged.GetProperty("reference").GetString()!;
            var control = lodged.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
            var kz = await TwoInstancesTests.MachineClientAsync(host, "demo-customs-kz");
            foreach (var decision in new[] { "accept", "release" })
            {
                Assert.Equal(HttpStatusCode.OK, (await kz.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), new { decision }, Ct)).StatusCode);
            }

            var waiting = await OutboxAsync(database);
            Assert.True(waiting.Undispatched >= 5, $"{waiting.Undispatched} undispatched before the stop");

            // The platform's administrator sees them waiting, in the API and on the page.
            var admin = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await SignIn.SignInAsync(admin, DemoPerson.Administrator);
            var outbox = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/messaging/status", UriKind.Relative), Ct)).RootElement.GetProperty("outbox");
            Assert.Equal(waiting.Undispatched, outbox.GetProperty("waiting").GetInt32());
            Assert.True(outbox.GetProperty("late").GetBoolean());
            var page = await admin.GetStringAsync(new Uri("/admin/messaging", UriKind.Relative), Ct);
            Assert.Contains($"{waiting.Undispatched} events are waiting for dispatch", page, StringComparison.Ordinal);
        }

        // Nothing is left for the next instance: every event has its feed position and every consumer has read it.
        var after = await OutboxAsync(database);
        var logged = string.Join("\n", warnings.Where(w => !w.Contains("HealthCheck", StringComparison.Ordinal)));
        Assert.True(after.Undispatched == 0, $"{after.Undispatched} undispatched after the stop; the host logged:\n{logged}");
        Assert.True(after.Consumers > 0, $"no consumer cursor after the stop; the host logged:\n{logged}");
        Assert.True(after.ConsumersBehind == 0, $"{after.ConsumersBehind} consumer(s) behind after the stop; the host logged:\n{logged}");

        // And the lodging trader's notification of the release, written by the consumer during the stop, is there.
        await using var next = new SharedDatabaseHost(settings);
        var again = await TwoInstancesTests.MachineClientAsync(next, "demo-trader-kz");
        var notifications = await again.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/notifications", UriKind.Relative), Ct);
        Assert.Contains(notifications!, n => n.GetProperty("reference").GetString() == reference && n.GetProperty("what").GetString() == "release");
    }

    /// <summary>Read straight from the messaging tables: events without a feed position, and consumers short of the last.</summary>
    private static async Task<(long Undispatched, long Consumers, long ConsumersBehind)> OutboxAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        var schema = database.Provider == DatabaseProvider.Postgres ? "messaging." : string.Empty;
        return (
            await CountAsync(connection, $"SELECT COUNT(*) FROM {schema}outbox WHERE \"Position\" IS NULL"),
            await CountAsync(connection, $"SELECT COUNT(*) FROM {schema}consumer_cursors"),
            await CountAsync(connection, $"SELECT COUNT(*) FROM {schema}consumer_cursors WHERE \"Position\" < (SELECT COALESCE(MAX(\"Position\"), 0) FROM {schema}outbox)"));
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
