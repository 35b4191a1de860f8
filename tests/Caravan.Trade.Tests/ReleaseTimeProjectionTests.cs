using System.Text.Json;
using Caravan.Platform;
using Caravan.Platform.Messaging;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Caravan.Trade.Features.MeasureReleaseTimes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Trade.Tests;

/// <summary>
/// The release-time projection is a function of the border events and decisions: handling the events again, in another
/// order and with duplicates, or replaying them all into an emptied table, gives the same rows.
/// </summary>
public abstract class ReleaseTimeProjectionTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Kz = TimeSpan.FromHours(5);

    [Fact]
    public async Task Replaying_the_events_into_an_empty_table_rebuilds_the_same_rows()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaravanPlatform(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build());
        services.AddModuleDbContext<TradeDbContext, SqliteTradeDbContext, PostgresTradeDbContext>(TradeDbContext.Module);
        await using var provided = services.BuildServiceProvider();
        var consignments = new[] { Guid.NewGuid(), Guid.NewGuid() };

        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            await db.Database.MigrateAsync(Ct);
            for (var i = 0; i < consignments.Length; i++)
            {
                db.Consignments.Add(Consignment(consignments[i], i));
            }

            await db.SaveChangesAsync(Ct);
        }

        // The events as the feed hands them: one per change, each naming its consignment.
        var feed = consignments.SelectMany((id, i) => Enumerable.Range(0, 5).Select(n => Feed((i * 5) + n, id))).ToList();

        List<ControlReleaseTime> first;
        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            await new ReleaseTimeConsumer(db).HandleAsync(feed, Ct);
            first = await Rows(db);
        }

        await using (var scope = provided.CreateAsyncScope())
        {
            // At least once: the same batch again changes nothing.
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            await new ReleaseTimeConsumer(db).HandleAsync(feed.Take(3).ToList(), Ct);
            Assert.Equal(Describe(first), Describe(await Rows(db)));
        }

        await using (var scope = provided.CreateAsyncScope())
        {
            // A replay from position 0 into an emptied table, events in reverse order.
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            await db.ReleaseTimes.ExecuteDeleteAsync(Ct);
            Assert.Empty(await Rows(db));
            await new ReleaseTimeConsumer(db).HandleAsync(Enumerable.Reverse(feed).ToList(), Ct);
            Assert.Equal(Describe(first), Describe(await Rows(db)));
        }

        await using (var scope = provided.CreateAsyncScope())
        {
            // The operator's rebuild (caravan release-times rebuild) mends a damaged row and drops a row whose control is gone.
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            var damaged = first[0].ControlId;
            await db.ReleaseTimes.Where(r => r.ControlId == damaged).ExecuteUpdateAsync(u => u.SetProperty(r => r.ArrivalToReleaseSeconds, 1L).SetProperty(r => r.Channel, "red"), Ct);
            db.ReleaseTimes.Add(new ControlReleaseTime { ControlId = Guid.NewGuid(), ConsignmentId = Guid.NewGuid(), Reference = "CV-GONE", Country = "KZ", Role = "import", Outcome = "open" });
            await db.SaveChangesAsync(Ct);
            var reported = new List<int>();

            var result = await new ReleaseTimeRebuild(db).RebuildAsync(new Collect(reported), Ct);

            Assert.Equal(new ReleaseTimeRebuildResult(2, 6, 1), result);
            Assert.Equal([2], reported);
            Assert.Equal(Describe(first), Describe(await Rows(db)));
        }

        // Six controls (two consignments CN → KZ → UZ); Kazakhstan's of the first: arrival 10:00, queue 10:20, check
        // 11:05–11:45, released 12:10 (+05:00): 1200 + 2700 + 2400 + 1500 = 7800 s.
        Assert.Equal(6, first.Count);
        var kazakh = first.Single(r => r.ConsignmentId == consignments[0] && r.Country == "KZ");
        Assert.Equal(("CN-KZ-01", "transit", "3", "yellow", "released"), (kazakh.CrossingId, kazakh.Role, kazakh.TransportMode, kazakh.Channel, kazakh.Outcome));
        Assert.Equal((1200L, 2700L, 2400L, 1500L, 7800L), (kazakh.ArrivalToQueueSeconds, kazakh.QueueToCheckSeconds, kazakh.CheckSeconds, kazakh.CheckToReleaseSeconds, kazakh.ArrivalToReleaseSeconds));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 10, 0, Kz).ToUniversalTime(), kazakh.ReleasedAt!.Value.ToUniversalTime());
        var uzbek = first.Single(r => r.ConsignmentId == consignments[0] && r.Country == "UZ");
        Assert.Equal(("open", (long?)null), (uzbek.Outcome, uzbek.ArrivalToReleaseSeconds));
    }

    private sealed class Collect(List<int> into) : IProgress<int>
    {
        public void Report(int value) => into.Add(value);
    }

    private static async Task<List<ControlReleaseTime>> Rows(TradeDbContext db) =>
        (await db.ReleaseTimes.AsNoTracking().ToListAsync(Ct)).OrderBy(r => r.ControlId).ToList();

    private static List<string> Describe(IEnumerable<ControlReleaseTime> rows) =>
        rows.Select(r => JsonSerializer.Serialize(r)).ToList();

    private static FeedEvent Feed(long position, Guid consignment) =>
        new(position + 1, Guid.NewGuid(), TradeEvents.EventRecorded, consignment.ToString(), DateTimeOffset.UnixEpoch, ["CN", "KZ", "UZ"], null, JsonSerializer.SerializeToElement(new { }));

    private static Consignment Consignment(Guid id, int n)
    {
        var shift = TimeSpan.FromHours(n * 3);
        // Stored as instants (PostgreSQL keeps UTC), as the recorder stores them.
        DateTimeOffset At(int day, int hour, int minute) => (new DateTimeOffset(2026, 11, day, hour, minute, 0, Kz) + shift).ToUniversalTime();
        var kz = Control(2, "KZ", "transit", "CN-KZ-01", "KZ-UZ-01", "yellow", [("accept", At(1, 9, 0)), ("order-documentary-inspection", At(1, 9, 5)), ("release", At(1, 12, 10))]);
        return new Consignment
        {
            Id = id,
            Reference = $"CV-2026-REPLAY{n:00}",
            LodgedBy = "trader@test",
            CountryOfDispatch = "CN",
            CountryOfDestination = "UZ",
            Declaration = "{\"transportMode\":\"road\"}",
            Status = "lodged",
            LodgedAt = At(1, 8, 0),
            Controls =
            [
                Control(1, "CN", "export", null, "CN-KZ-01", "green", [("accept", At(1, 8, 10)), ("release", At(1, 8, 20))]),
                kz,
                Control(3, "UZ", "import", "KZ-UZ-01", null, null, [("accept", At(1, 9, 0))]),
            ],
            Events =
            [
                Event(id, "exited", "CN", "CN-KZ-01", At(1, 9, 40)),
                Event(id, "arrived-at-crossing", "KZ", "CN-KZ-01", At(1, 10, 0)),
                Event(id, "entered-queue", "KZ", "CN-KZ-01", At(1, 10, 20)),
                Event(id, "check-started", "KZ", "CN-KZ-01", At(1, 11, 5)),
                Event(id, "check-finished", "KZ", "CN-KZ-01", At(1, 11, 45)),
                Event(id, "exited", "KZ", "KZ-UZ-01", At(2, 9, 0)),
            ],
        };
    }

    private static CustomsControl Control(int sequence, string country, string role, string? entry, string? exit, string? channel, (string Decision, DateTimeOffset At)[] decisions) => new()
    {
        Id = Guid.NewGuid(),
        Sequence = sequence,
        Country = country,
        Role = role,
        State = "pre-arrival",
        EntryCrossingId = entry,
        ExitCrossingId = exit,
        Channel = channel,
        Decisions = decisions.Select(d => new ControlDecision { Id = Guid.NewGuid(), Decision = d.Decision, DecidedBy = "officer@test", DecidedAt = d.At, FromState = "x", ToState = "y" }).ToList(),
    };

    private static BorderEvent Event(Guid consignment, string type, string country, string crossing, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        ConsignmentId = consignment,
        Type = type,
        Country = country,
        CrossingId = crossing,
        OccurredAt = at,
        RecordedAt = at,
        RecordedBy = "test",
    };
}

public sealed class ReleaseTimeProjectionOnSqlite() : ReleaseTimeProjectionTests(DatabaseProvider.Sqlite);

public sealed class ReleaseTimeProjectionOnPostgres() : ReleaseTimeProjectionTests(DatabaseProvider.Postgres);
