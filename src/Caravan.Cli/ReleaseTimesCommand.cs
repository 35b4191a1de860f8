using System.CommandLine;
using System.Globalization;
using Caravan.Platform.Persistence;
using Caravan.Trade.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Cli;

/// <summary>
/// <c>caravan release-times rebuild</c>: measures every consignment's controls again from their border events and
/// decisions into the release-time table (docs/release-times.md), e.g. after an upgrade changed how stages are measured.
/// </summary>
public static class ReleaseTimesCommand
{
    public static Command Create(Func<ParseResult, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var rebuild = new Command("rebuild", "Measure every consignment's controls again from the border events and decisions. Safe while the platform runs; running it twice gives the same table.");
        rebuild.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
            {
                await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` first.");
                return 2;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var progress = new Lines(n => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n} consignments measured ({watch.Elapsed.TotalSeconds:0.0} s)")));
            var result = await sp.GetRequiredService<IReleaseTimeRebuild>().RebuildAsync(progress, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Measured {result.Controls} controls of {result.Consignments} consignments in {watch.Elapsed.TotalSeconds:0.0} s; {result.Removed} rows of controls that no longer exist removed."));
            return 0;
        }));
        var command = new Command("release-times", "The release-time measurements of docs/release-times.md.");
        command.Subcommands.Add(rebuild);
        return command;
    }

    /// <summary>Reports on the caller's thread, so that the lines come before the summary (Progress&lt;T&gt; posts them).</summary>
    private sealed class Lines(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
