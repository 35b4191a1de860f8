namespace Caravan.Platform.Persistence;

/// <summary>Which relational store the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file under the data directory, nothing to install.</summary>
    Sqlite,

    /// <summary>The production store.</summary>
    Postgres,
}

/// <summary>Bound from <c>Caravan:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Caravan:Database";
    public const string DefaultSqliteFileName = "caravan.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Required for PostgreSQL. For SQLite it may be left empty: the file <c>caravan.db</c> under
    /// <see cref="DataDirectory"/> is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where the embedded database lives. Defaults to the user's local application data folder
    /// (<c>~/.local/share/caravan</c> on Linux) so that the web host and the CLI share one database.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Whether the web host applies pending migrations when it starts. Null means "only for the embedded
    /// default": a production PostgreSQL is migrated by an operator with <c>caravan db migrate</c>.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;

    public string ResolveDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "caravan")
            : Path.GetFullPath(DataDirectory);

    /// <summary>The connection string the provider will use, or an explanation of what is missing.</summary>
    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Caravan:Database:Provider is Postgres but Caravan:Database:ConnectionString is empty. " +
                "Set it, e.g. Caravan__Database__ConnectionString=\"Host=127.0.0.1;Database=caravan;Username=caravan;Password=…\".");
        }

        var directory = ResolveDataDirectory();
        // The builder quotes the path, so a folder name with ';' or '=' cannot break the connection string.
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, DefaultSqliteFileName) }.ToString();
    }
}
