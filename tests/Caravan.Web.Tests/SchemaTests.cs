using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>Every module's model is fully described by its migrations, on both providers: none was forgotten.</summary>
public abstract class SchemaTests(CaravanWebFactory factory)
{
    [Fact]
    public async Task No_module_has_model_changes_without_a_migration()
    {
        factory.SkipUnlessAvailable();
        await using var scope = factory.Services.CreateAsyncScope();
        var databases = scope.ServiceProvider.GetRequiredService<ModuleDatabases>();

        var contexts = databases.Resolve(scope.ServiceProvider).ToList();

        // Audit and messaging (platform), Access, Reference, Trade, Risk, Origin and Tariff.
        Assert.Equal(["AccessDbContext", "AuditDbContext", "MessagingDbContext", "OriginDbContext", "ReferenceDbContext", "RiskDbContext", "TariffDbContext", "TradeDbContext"], contexts.Select(c => c.GetType().BaseType!.Name == "DbContext" ? c.GetType().Name : c.GetType().BaseType!.Name).Order(StringComparer.Ordinal));
        Assert.All(contexts, c => Assert.False(c.Database.HasPendingModelChanges(), $"{c.GetType().Name} has model changes without a migration: run `dotnet ef migrations add` for both providers."));
    }
}

public sealed class SchemaOnSqlite(SqliteWebFactory factory) : SchemaTests(factory), IClassFixture<SqliteWebFactory>;

public sealed class SchemaOnPostgres(PostgresWebFactory factory) : SchemaTests(factory), IClassFixture<PostgresWebFactory>;
