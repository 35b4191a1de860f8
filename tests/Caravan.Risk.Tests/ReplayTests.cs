using System.Text.Json;
using Caravan.Platform;
using Caravan.Platform.Persistence;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Risk.Tests;

/// <summary>
/// An administration replays any recorded assessment from its profile version and seed, against the real database,
/// and gets the same channel — also after a newer version has been published.
/// </summary>
public abstract class ReplayTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProfileVersion Stored(int version, string state, ProfileDefinition definition) => new()
    {
        Id = Guid.NewGuid(),
        Country = "UZ",
        Version = version,
        State = state,
        Definition = JsonSerializer.Serialize(definition, JsonSerializerOptions.Web),
        CreatedAt = TimeProvider.System.GetUtcNow(),
        CreatedBy = "analyst.uz",
    };

    [Fact]
    public async Task A_recorded_assessment_replays_to_the_same_channel_after_a_new_version_is_published()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaravanPlatform(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build());
        services.AddRiskModule();
        await using var provided = services.BuildServiceProvider();
        // Half of all declarations to red at random, so the replay must reproduce the draw, not only the rules.
        var first = Subjects.Profile(new RuleDefinition("UZ-TEX-1", "Cotton yarn", "hsCode", "in-range", From: "5205", To: "5207", Score: 40)) with { Random = new RandomRates(0, 0.5) };
        var second = Subjects.Profile() with { Random = new RandomRates(0, 0) };

        RiskAssessment recorded;
        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RiskDbContext>();
            await db.Database.MigrateAsync(Ct);
            db.Profiles.Add(Stored(1, "active", first));
            await db.SaveChangesAsync(Ct);
            recorded = await scope.ServiceProvider.GetRequiredService<IRiskAssessor>().AssessAsync(Subjects.CottonYarn(), Ct);
        }

        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RiskDbContext>();
            (await db.Profiles.SingleAsync(p => p.Version == 1, Ct)).State = "retired";
            await db.SaveChangesAsync(Ct);
            db.Profiles.Add(Stored(2, "active", second));
            await db.SaveChangesAsync(Ct);
            scope.ServiceProvider.GetRequiredService<Features.Assess.RiskSnapshotCache>().Invalidate();
            var assessor = scope.ServiceProvider.GetRequiredService<IRiskAssessor>();

            var replayed = await assessor.ReplayAsync(Subjects.CottonYarn(), 1, recorded.Seed, TimeProvider.System.GetUtcNow(), Ct);
            var now = await assessor.AssessAsync(Subjects.CottonYarn(), Ct);

            Assert.Equal(1, recorded.ProfileVersion);
            Assert.NotNull(replayed);
            Assert.Equal((recorded.Channel, recorded.Score, recorded.Random), (replayed.Channel, replayed.Score, replayed.Random));
            Assert.Equal(recorded.Fired, replayed.Fired);
            Assert.Equal((2, "green"), (now.ProfileVersion, now.Channel));
            Assert.Null(await assessor.ReplayAsync(Subjects.CottonYarn(), 9, recorded.Seed, TimeProvider.System.GetUtcNow(), Ct));
        }
    }
}

public sealed class ReplayOnSqlite() : ReplayTests(DatabaseProvider.Sqlite);

public sealed class ReplayOnPostgres() : ReplayTests(DatabaseProvider.Postgres);
