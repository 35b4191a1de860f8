using System.CommandLine;
using Caravan.Cli;
using Caravan.Platform.Persistence;

namespace Caravan.Platform.Tests;

/// <summary>`caravan audit verify` as an operator runs it, on every provider: the verdict in one line and the exit code.</summary>
public abstract class AuditCommandTests(DatabaseProvider provider)
{
    private static async Task<(int ExitCode, string Output, string Error)> VerifyAsync(AuditTestHost host)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { AuditCommand.Create(_ => AuditTestHost.Compose(host.Database, host.Clock), output, error) };

        var code = await root.Parse(["audit", "verify"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Verify_on_an_intact_log_reports_the_number_of_entries_and_exits_0()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);

        var run = await VerifyAsync(host);

        Assert.Equal((0, "Audit log intact: 5 entries verified."), (run.ExitCode, run.Output.Trim()));
    }

    [Fact]
    public async Task Verify_on_a_log_with_an_edited_entry_names_that_entry_and_exits_1()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);
        await host.ExecuteAsync("""UPDATE {table} SET "Action" = 'access.user.deleted' WHERE "Sequence" = 3""");

        var run = await VerifyAsync(host);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Audit log BROKEN at entry 3: its hash does not match its content (entry changed after it was written).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_on_a_log_with_a_deleted_entry_names_the_missing_entry_and_exits_1()
    {
        await using var host = await AuditTestHost.StartAsync(provider);
        await host.AppendSampleAsync(5);
        await host.ExecuteAsync("""DELETE FROM {table} WHERE "Sequence" = 4""");

        var run = await VerifyAsync(host);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Audit log BROKEN at entry 4: the entry is missing", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_before_the_schema_is_migrated_says_to_migrate_first_and_exits_2()
    {
        await using var host = await AuditTestHost.StartAsync(provider, migrate: false);

        var run = await VerifyAsync(host);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("caravan db migrate", run.Error, StringComparison.Ordinal);
    }
}

public sealed class AuditCommandOnSqlite() : AuditCommandTests(DatabaseProvider.Sqlite);

public sealed class AuditCommandOnPostgres() : AuditCommandTests(DatabaseProvider.Postgres);

/// <summary>The verdict line, as an operator reads it in a terminal or a monitoring alert.</summary>
public sealed class AuditCommandWordingTests
{
    [Fact]
    public void Counts_are_written_with_thousands_separators_whatever_the_machine_culture()
    {
        Assert.Equal("Audit log intact: 1,234 entries verified.", AuditCommand.Describe(new(1234, null, null)));
        Assert.Equal("Audit log intact: 1 entry verified.", AuditCommand.Describe(new(1, null, null)));
    }

    [Fact]
    public void A_forged_successor_is_explained_as_an_entry_that_no_longer_points_at_the_one_before()
    {
        Assert.Equal(
            "Audit log BROKEN at entry 1,057: it does not point at the hash of entry 1,056 (that entry was changed and re-hashed, or this one was replaced). 1,056 entries before it verified.",
            AuditCommand.Describe(new(1056, 1057, Platform.Audit.AuditBreakReason.PreviousHashMismatch)));
    }
}
