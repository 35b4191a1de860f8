using Caravan.Platform.Persistence;

namespace Caravan.Platform.Tests;

/// <summary>Where the database is and whether it is migrated at start-up, as an operator configures it.</summary>
public sealed class DatabaseOptionsTests
{
    private static readonly string TempDirectory = Path.Combine(Path.GetTempPath(), "caravan-options");

    [Fact]
    public void Sqlite_without_a_connection_string_uses_caravan_db_in_the_data_directory()
    {
        var options = new DatabaseOptions { DataDirectory = TempDirectory };

        Assert.Equal($"Data Source={Path.Combine(TempDirectory, "caravan.db")}", options.ResolveConnectionString());
    }

    [Fact]
    public void A_relative_data_directory_becomes_a_full_path()
    {
        var options = new DatabaseOptions { DataDirectory = "caravan-data" };

        var directory = options.ResolveDataDirectory();

        Assert.True(Path.IsPathRooted(directory), directory);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "caravan-data"), directory);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_data_directory_the_database_lives_in_the_users_local_data_folder(string? dataDirectory)
    {
        var options = new DatabaseOptions { DataDirectory = dataDirectory };

        var source = options.ResolveConnectionString()["Data Source=".Length..];

        Assert.True(Path.IsPathRooted(source), source);
        Assert.EndsWith(Path.Combine("caravan", "caravan.db"), source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/srv/caravan/live.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=db;Database=caravan;Username=caravan")]
    public void An_explicit_connection_string_wins_over_the_data_directory(DatabaseProvider provider, string connectionString)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString, DataDirectory = TempDirectory };

        Assert.Equal(connectionString, options.ResolveConnectionString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Postgres_without_a_connection_string_says_which_setting_to_set(string? connectionString)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString };

        var error = Assert.Throws<InvalidOperationException>(() => options.ResolveConnectionString());

        Assert.Contains("Caravan:Database:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Caravan__Database__ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, true)]
    [InlineData(DatabaseProvider.Postgres, null, false)]
    [InlineData(DatabaseProvider.Sqlite, false, false)]
    [InlineData(DatabaseProvider.Postgres, true, true)]
    public void Only_the_embedded_database_is_migrated_on_start_unless_the_operator_says_otherwise(DatabaseProvider provider, bool? migrateOnStart, bool expected)
    {
        var options = new DatabaseOptions { Provider = provider, MigrateOnStart = migrateOnStart };

        Assert.Equal(expected, options.ShouldMigrateOnStart);
    }

    [Fact]
    public void The_default_provider_is_the_embedded_sqlite()
    {
        Assert.Equal(DatabaseProvider.Sqlite, new DatabaseOptions().Provider);
    }
}

public sealed class DataDirectoryQuotingTests
{
    [Fact]
    public void A_data_directory_with_a_semicolon_still_makes_a_valid_connection_string()
    {
        var directory = Path.Combine(Path.GetTempPath(), "caravan;quoted=" + Guid.NewGuid().ToString("N")[..6]);
        var options = new Caravan.Platform.Persistence.DatabaseOptions { DataDirectory = directory };

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ResolveConnectionString());

        Assert.Equal(Path.Combine(directory, "caravan.db"), builder.DataSource);
    }
}
