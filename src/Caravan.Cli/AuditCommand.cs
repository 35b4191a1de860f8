using System.CommandLine;
using System.Globalization;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Cli;

/// <summary>
/// <c>caravan audit …</c>: the operator's side of the platform's tamper-evident audit log.
/// Exit codes: 0 intact, 1 broken (the entry is named), 2 the check could not run (the reason is on stderr).
/// </summary>
public static class AuditCommand
{
    /// <param name="services">Builds the services for a parsed command line (the root's global options); disposed after the run.</param>
    public static Command Create(Func<ParseResult, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var audit = new Command("audit", "The platform's tamper-evident audit log: every entry is chained to the one before it by a SHA-256 hash.");
        var verify = new Command("verify", "Recompute the hash chain of the audit log and name the first broken entry; exit code 1 when the chain is broken.");
        verify.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
            {
                await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` first.");
                return 2;
            }

            var result = await sp.GetRequiredService<IAuditQuery>().VerifyAsync(ct);
            await output.WriteLineAsync(Describe(result));
            return result.IsIntact ? 0 : 1;
        }));
        audit.Subcommands.Add(verify);
        return audit;
    }

    /// <summary>The one line an operator reads: the count, or the first broken entry and what is wrong with it.</summary>
    public static string Describe(AuditVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var count = result.EntriesChecked.ToString("N0", CultureInfo.InvariantCulture);
        if (result.FirstBrokenSequence is not { } broken)
        {
            return $"Audit log intact: {count} {(result.EntriesChecked == 1 ? "entry" : "entries")} verified.";
        }

        var at = broken.ToString("N0", CultureInfo.InvariantCulture);
        var why = result.Reason switch
        {
            AuditBreakReason.HashMismatch => "its hash does not match its content (entry changed after it was written).",
            AuditBreakReason.PreviousHashMismatch =>
                $"it does not point at the hash of entry {(broken - 1).ToString("N0", CultureInfo.InvariantCulture)} (that entry was changed and re-hashed, or this one was replaced).",
            AuditBreakReason.SequenceGap => "the entry is missing (entries were deleted or renumbered).",
            _ => "the chain does not continue here.",
        };
        return $"Audit log BROKEN at entry {at}: {why} {count} {(result.EntriesChecked == 1 ? "entry" : "entries")} before it verified.";
    }
}
