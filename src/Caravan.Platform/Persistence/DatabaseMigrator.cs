using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Caravan.Platform.Persistence;

/// <summary>Applies and reports the migrations of every registered module database.</summary>
public sealed partial class DatabaseMigrator(ModuleDatabases databases, IServiceProvider services, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<AppliedMigrations>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<AppliedMigrations>();
        foreach (var context in databases.Resolve(services))
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, context.GetType().Name, pending.Count);
            result.Add(new AppliedMigrations(context.GetType().Name, pending));
        }

        return result;
    }

    /// <summary>Names of migrations not yet applied, per module database; empty when the schema is current.</summary>
    public async Task<IReadOnlyList<AppliedMigrations>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<AppliedMigrations>();
        foreach (var context in databases.Resolve(services))
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                result.Add(new AppliedMigrations(context.GetType().Name, pending));
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Context}: {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, string context, int count);
}

public sealed record AppliedMigrations(string Context, IReadOnlyList<string> Migrations);
