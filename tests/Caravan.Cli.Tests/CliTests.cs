using Caravan.Platform.Persistence;
using Caravan.Testing;

namespace Caravan.Cli.Tests;

public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>`caravan db …` and `caravan reference …` as an operator runs them, on every provider.</summary>
public abstract class CliTests(DatabaseProvider provider)
{
    private static async Task<CliRun> RunAsync(TestDatabase? database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CaravanCli.RunAsync(args, output, error, database?.Settings, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private async Task<TestDatabase> DatabaseAsync()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        return await TestDatabase.CreateAsync(provider);
    }

    [Fact]
    public async Task Migrate_applies_the_schema_once_and_then_reports_it_up_to_date()
    {
        await using var database = await DatabaseAsync();

        var first = await RunAsync(database, "db", "migrate");
        var second = await RunAsync(database, "db", "migrate");
        var status = await RunAsync(database, "db", "status");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("applied", first.Output, StringComparison.Ordinal);
        Assert.Contains("InitialReferenceData", first.Output, StringComparison.Ordinal);
        // Every module's database, as the web host has them: a production PostgreSQL is migrated only by this command.
        foreach (var module in new[] { "Audit", "Messaging", "Access", "Reference", "Trade", "Risk", "Origin", "Tariff" })
        {
            Assert.Matches($"{module}DbContext: applied", first.Output);
        }

        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
    }

    [Fact]
    public async Task Status_lists_pending_migrations_and_fails_before_migrate()
    {
        await using var database = await DatabaseAsync();

        var status = await RunAsync(database, "db", "status");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("pending", status.Output, StringComparison.Ordinal);
        Assert.Contains("caravan db migrate", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_import_loads_the_data_and_a_second_run_changes_nothing()
    {
        await using var database = await DatabaseAsync();
        await RunAsync(database, "db", "migrate");

        var first = await RunAsync(database, "reference", "import");
        var second = await RunAsync(database, "reference", "import");

        Assert.Equal(0, first.ExitCode);
        // 21 sections, 6,939 entries and 1,584 synonym rows (data/hs2022_synonyms.csv).
        Assert.Matches(@"hs-nomenclature\s+Imported\s+8544 rows", first.Output);
        Assert.Matches(@"border-crossings\s+Imported\s+39 rows", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(4, second.Output.Split('\n').Count(l => l.Contains("Unchanged", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hs_evaluate_prints_the_rates_per_language_and_hs_search_the_ranked_headings()
    {
        await using var database = await DatabaseAsync();
        await RunAsync(database, "db", "migrate");
        await RunAsync(database, "reference", "import");

        var evaluation = await RunAsync(database, "hs", "evaluate", "--min-top5", "0.9");
        var search = await RunAsync(database, "hs", "search", "棉纱");

        Assert.Equal(0, evaluation.ExitCode);
        Assert.Matches(@"en\s+69\s+\d+ \(", evaluation.Output);
        Assert.Matches(@"ru\s+62\s+\d+ \(", evaluation.Output);
        Assert.Matches(@"zh\s+63\s+\d+ \(", evaluation.Output);
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("5205", search.Output, StringComparison.Ordinal);
        Assert.Contains("<mark>", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_import_before_migrate_says_to_migrate_first()
    {
        await using var database = await DatabaseAsync();

        var run = await RunAsync(database, "reference", "import");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("caravan db migrate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_import_from_a_missing_folder_names_the_folder()
    {
        await using var database = await DatabaseAsync();
        await RunAsync(database, "db", "migrate");

        var run = await RunAsync(database, "reference", "import", "--path", "/nonexistent/caravan-data");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/caravan-data", run.Error, StringComparison.Ordinal);
    }
}

public sealed class CliOnSqlite() : CliTests(DatabaseProvider.Sqlite);

public sealed class CliOnPostgres() : CliTests(DatabaseProvider.Postgres);

public sealed class CliUsageTests
{
    [Fact]
    public async Task Help_explains_every_command()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var root = await CaravanCli.RunAsync(["--help"], output, error, cancellationToken: TestContext.Current.CancellationToken);
        var db = new StringWriter();
        await CaravanCli.RunAsync(["db", "--help"], db, error, cancellationToken: TestContext.Current.CancellationToken);
        var reference = new StringWriter();
        await CaravanCli.RunAsync(["reference", "import", "--help"], reference, error, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, root);
        Assert.Contains("db", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("reference", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("migrate", db.ToString(), StringComparison.Ordinal);
        Assert.Contains("Idempotent", reference.ToString(), StringComparison.Ordinal);
        Assert.Contains("--path", reference.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_with_the_setting_to_fix()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CaravanCli.RunAsync(["db", "migrate", "--provider", "Postgres"], output, error,
            new Dictionary<string, string?> { ["Caravan:Database:ConnectionString"] = null }, TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("Caravan:Database:ConnectionString", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_fails_with_a_message()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CaravanCli.RunAsync(["db", "explode"], output, error, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, code);
        Assert.Contains("explode", error.ToString(), StringComparison.Ordinal);
    }
}
