using Caravan.Platform;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Trade.Tests;

/// <summary>
/// Consignments lodged before declarations were versioned keep their declaration as version 1 when the database
/// is migrated: amending them later has a "before" to compare with.
/// </summary>
public abstract class DeclarationVersionMigrationTests(DatabaseProvider provider)
{
    private const string Columns = """
         ("Id", "Reference", "LodgedByOrganisation", "LodgedBy", "CountryOfDispatch", "CountryOfDestination", "Declaration", "Version", "Status", "LodgedAt")
        VALUES ({0}, 'CV-2026-0LD00001', {1}, 'trader@old', 'CN', 'UZ', {2}, 1, 'lodged', {3})
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_consignment_lodged_before_the_migration_has_its_declaration_as_version_1_after_it()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaravanPlatform(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build());
        services.AddModuleDbContext<TradeDbContext, SqliteTradeDbContext, PostgresTradeDbContext>(TradeDbContext.Module);
        await using var provided = services.BuildServiceProvider();
        var lodgedAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(8));
        var id = Guid.NewGuid();

        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("AddBorderEvents", Ct);
            // Written with SQL: the current model knows a table this older schema does not have yet.
            object at = provider == DatabaseProvider.Postgres ? lodgedAt.ToUniversalTime() : new DateTimeOffsetToBinaryConverter().ConvertToProvider(lodgedAt)!;
            await db.Database.ExecuteSqlRawAsync(
                provider == DatabaseProvider.Postgres ? "INSERT INTO trade.consignments" + Columns : "INSERT INTO consignments" + Columns,
                [id, Guid.NewGuid(), "{\"TransportMode\":\"3\"}", at],
                Ct);
        }

        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            await db.Database.MigrateAsync(Ct);
            var versions = await db.Versions.AsNoTracking().Where(v => v.ConsignmentId == id).ToListAsync(Ct);

            var only = Assert.Single(versions);
            Assert.Equal((1, "lodged", "{\"TransportMode\":\"3\"}", "[]", "trader@old"), (only.Version, only.Kind, only.Declaration, only.Changes, only.RecordedBy));
            Assert.Equal(lodgedAt, only.RecordedAt);
        }
    }
}

public sealed class DeclarationVersionMigrationOnSqlite() : DeclarationVersionMigrationTests(DatabaseProvider.Sqlite);

public sealed class DeclarationVersionMigrationOnPostgres() : DeclarationVersionMigrationTests(DatabaseProvider.Postgres);
