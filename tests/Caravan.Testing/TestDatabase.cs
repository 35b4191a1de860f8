using Xunit;
using Caravan.Platform.Persistence;
using Npgsql;

namespace Caravan.Testing;

/// <summary>
/// A fresh, empty database for one test fixture: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by <c>CARAVAN_TEST_POSTGRES</c>. Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CARAVAN_TEST_POSTGRES";

    private readonly string? _postgresAdmin;

    private TestDatabase(DatabaseProvider provider, string connectionString, string directory, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        _postgresAdmin = postgresAdmin;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder of this fixture's own (the SQLite file, data protection keys, copies of data).</summary>
    public string Directory { get; }

    public string? PostgresName { get; }

    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why a PostgreSQL test cannot run here, or null when it can.</summary>
    public static string? Unavailable(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres && PostgresAdminConnectionString is null
            ? $"{PostgresVariable} is not set: PostgreSQL tests need a server (scripts/services/postgres.sh start)."
            : null;

    /// <summary>Skips the running test, with the reason, when the provider is not configured on this machine.</summary>
    public static void SkipUnlessAvailable(DatabaseProvider provider)
    {
        if (Unavailable(provider) is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    public DatabaseOptions Options => new()
    {
        Provider = Provider,
        ConnectionString = ConnectionString,
        DataDirectory = Directory,
        MigrateOnStart = true,
    };

    /// <summary>Settings for a host (Caravan:Database:…).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Caravan:Database:Provider"] = Provider.ToString(),
        ["Caravan:Database:ConnectionString"] = ConnectionString,
        ["Caravan:Database:DataDirectory"] = Directory,
        ["Caravan:Database:MigrateOnStart"] = "true",
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "caravan-tests", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "caravan.db")}", directory, null, null);
        }

        var admin = PostgresAdminConnectionString ?? throw new InvalidOperationException(Unavailable(provider));
        var name = "caravan_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, directory, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null && PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            // An autovacuum worker may have just connected to the new database; the test role may not end it
            // (42501). It leaves within moments: try again, and if it does not, leave the database behind rather
            // than fail a test that passed.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState is "42501" or "55006" && attempt < 20)
                {
                    await Task.Delay(250);
                }
                catch (PostgresException ex) when (ex.SqlState is "42501" or "55006")
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"Test database {PostgresName} left behind: {ex.Message}");
                    break;
                }
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
