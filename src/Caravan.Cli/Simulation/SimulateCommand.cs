using System.CommandLine;
using System.Globalization;
using Caravan.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Cli.Simulation;

/// <summary>
/// <c>caravan simulate</c>: plays days of realistic traffic through the real crossings, as the demo trader's system
/// and the six national customs systems, through the public API of the platform run in this process on a simulated
/// clock, into the configured database. It fills a demo database with history and is the basis of load tests.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(Func<ParseResult, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        var days = new Option<int>("--days") { Description = "Days of history to create, ending now (1–366).", DefaultValueFactory = _ => 7 };
        var scale = new Option<double>("--scale") { Description = "Multiplies every lane's daily volume (1.0: about 60 consignments a day).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulator's randomness: the same seed plays the same traffic.", DefaultValueFactory = _ => 42 };
        var model = new Option<string?>("--model") { Description = "A JSON traffic model replacing the built-in one (docs/simulation.md)." };
        var command = new Command("simulate", "Fill a demo database with history: lodgings, decisions and border events through the API, on a simulated clock.");
        command.Options.Add(days);
        command.Options.Add(scale);
        command.Options.Add(seed);
        command.Options.Add(model);
        command.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            var options = new SimulationOptions(parse.GetValue(days), parse.GetValue(scale), parse.GetValue(seed));
            if (options.Days is < 1 or > 366 || options.Scale is <= 0 or > 100)
            {
                await error.WriteLineAsync("error: --days is 1 to 366 and --scale above 0, at most 100.");
                return 2;
            }

            var traffic = parse.GetValue(model) is { } path ? TrafficModel.Load(path) : new TrafficModel();
            var clock = new SimulatedClock(TimeProvider.System.GetUtcNow().AddDays(-options.Days));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Starting the platform on a clock set to {clock.Now:yyyy-MM-dd HH:mm} UTC ({options.Days} days ago)"));
            await using var host = await SimulatedHost.StartAsync(sp.GetRequiredService<IConfiguration>(), clock, ct);
            var api = new PlatformApi(host.Client, clock);
            var simulator = new TrafficSimulator(api, new SimulatedPace(clock), traffic, options, output);
            var summary = await simulator.RunAsync(ct);
            await output.WriteLineAsync(Describe(summary, watch.Elapsed));
            foreach (var failure in api.Failures)
            {
                await error.WriteLineAsync($"failed: {failure}");
            }

            return summary.FailedCalls == 0 ? 0 : 1;
        }));
        return command;
    }

    private static string Describe(SimulationSummary s, TimeSpan elapsed)
    {
        var total = Math.Max(1, s.Channels.Values.Sum());
        var channels = string.Join(", ", new[] { "green", "yellow", "red" }.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c} {100.0 * s.Channels.GetValueOrDefault(c) / total:0.0} %")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Simulated {s.Start:yyyy-MM-dd HH:mm} to {s.End:yyyy-MM-dd HH:mm} UTC: {s.Lodged} consignments lodged, {s.Released} released, {s.Refused} refused, {s.Lodged - s.Released - s.Refused} still under way; channels {channels}; {s.Decisions} decisions, {s.Events} border events, {s.Calls} API calls ({s.FailedCalls} failed) in {elapsed.TotalSeconds:0.0} s.");
    }
}
