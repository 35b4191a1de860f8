using System.CommandLine;
using System.Globalization;
using Caravan.Platform.Persistence;
using Caravan.Reference.Contracts;
using Caravan.Reference.Features.HsNomenclature;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Cli;

/// <summary>
/// <c>caravan hs evaluate</c>: the share of an evaluation set's trade descriptions whose heading the HS search ranks
/// first and in the first five, per language, and the lines it misses. Exit codes: 0 done (and every language at
/// least <c>--min-top5</c> when given), 1 a language below it, 2 the evaluation could not run.
/// </summary>
public static class HsCommand
{
    /// <param name="services">Builds the services for a parsed command line with extra settings; disposed after the run.</param>
    public static Command Create(Func<ParseResult, IReadOnlyDictionary<string, string?>, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var file = new Option<string?>("--file") { Description = "The evaluation set (CSV: query, language, expected, note). Default: evaluation/hs-search.csv in the data folder." };
        var scratch = new Option<bool>("--scratch") { Description = "Evaluate on a new SQLite database in a temporary folder, migrated and loaded from the data folder (--path), deleted afterwards; the configured database is not touched." };
        var path = new Option<string?>("--path") { Description = "With --scratch: the folder of reference data to load (default: the data/ folder shipped beside the tool)." };
        var minimum = new Option<double?>("--min-top5") { Description = "Exit with code 1 when a language's top-5 rate is below this share (e.g. 0.9)." };
        var all = new Option<bool>("--all") { Description = "Print every line with its rank, not only the misses." };

        var hs = new Command("hs", "The HS 2022 nomenclature: search quality.");
        var evaluate = new Command("evaluate", "Search every line of the evaluation set as the pages do (language detected) and print, per language, the count and the shares of lines whose heading is first (top-1) and in the first five (top-5), then the misses.");
        evaluate.Options.Add(file);
        evaluate.Options.Add(scratch);
        evaluate.Options.Add(path);
        evaluate.Options.Add(minimum);
        evaluate.Options.Add(all);
        evaluate.SetAction(async (parse, ct) =>
        {
            string? folder = null;
            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(scratch))
            {
                folder = Path.Combine(Path.GetTempPath(), "caravan-hs-evaluate-" + Guid.NewGuid().ToString("N")[..8]);
                settings["Caravan:Database:Provider"] = nameof(DatabaseProvider.Sqlite);
                settings["Caravan:Database:ConnectionString"] = string.Empty;
                settings["Caravan:Database:DataDirectory"] = folder;
            }

            try
            {
                return await CaravanCli.RunWith(services(parse, settings), error, async sp =>
                {
                    var data = parse.GetValue(path) is { } given ? Path.GetFullPath(given) : sp.GetRequiredService<IOptions<ReferenceDataOptions>>().Value.ResolvePath();
                    if (folder is not null)
                    {
                        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                        await sp.GetRequiredService<IReferenceDataImport>().ImportAsync(data, ct);
                    }
                    else if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
                    {
                        await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` and `caravan reference import` first, or use --scratch.");
                        return 2;
                    }

                    var set = parse.GetValue(file) is { } f ? Path.GetFullPath(f) : Path.Combine(data, HsSearchEvaluation.DefaultFile);
                    var cases = await HsSearchEvaluation.ReadAsync(set, ct);
                    var hsNomenclature = sp.GetRequiredService<IHsNomenclature>();
                    var sections = await hsNomenclature.ListSectionsAsync(ct);
                    if (sections.Count == 0)
                    {
                        await error.WriteLineAsync("error: the HS nomenclature is not loaded. Run `caravan reference import` first, or use --scratch.");
                        return 2;
                    }

                    var report = await HsSearchEvaluation.RunAsync(hsNomenclature, cases, ct);
                    await WriteAsync(output, set, report, parse.GetValue(all));
                    var floor = parse.GetValue(minimum);
                    return floor is { } m && report.Languages.Any(l => l.Top5Rate < m) ? 1 : 0;
                });
            }
            finally
            {
                if (folder is not null)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            }
        });
        hs.Subcommands.Add(evaluate);

        var query = new Argument<string>("query") { Description = "Words (any of English, Russian, Chinese) or the start of a code." };
        var language = new Option<string?>("--lang") { Description = "The language of the query: en, ru or zh (default: detected from the script)." };
        var search = new Command("search", "Search the HS nomenclature as the pages do and print the ranked headings with the matched words, path and subheadings.");
        search.Arguments.Add(query);
        search.Options.Add(language);
        search.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse, new Dictionary<string, string?>()), error, async sp =>
        {
            var result = await sp.GetRequiredService<IHsNomenclature>().SearchAsync(parse.GetValue(query)!, parse.GetValue(language), 1, 10, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Total} results ({result.SearchLanguage})"));
            foreach (var hit in result.Items)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{hit.Rank,3}. {hit.Code} {hit.Score,8:0.000}  {string.Join(" › ", hit.Path.Select(p => p.Code))}"));
                foreach (var h in hit.Highlights)
                {
                    await output.WriteLineAsync($"       {h.Source} [{h.Language}{(h.Unofficial ? ", unofficial" : string.Empty)}] {h.Html}");
                }

                foreach (var sub in hit.Subheadings)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"       - {sub.Code} {sub.Score,8:0.000} {string.Join(" | ", sub.Highlights.Select(h => h.Html))}"));
                }
            }

            return 0;
        }));
        hs.Subcommands.Add(search);
        return hs;
    }

    private static async Task WriteAsync(TextWriter output, string set, HsEvaluationReport report, bool all)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"HS search evaluation: {set} ({report.Results.Count} lines)"));
        await output.WriteLineAsync("language     n   top-1            top-5");
        foreach (var l in report.Languages)
        {
            await output.WriteLineAsync(string.Create(c, $"{l.Language,-8} {l.Count,5}   {l.Top1,3} ({l.Top1Rate,6:P1})   {l.Top5,3} ({l.Top5Rate,6:P1})"));
        }

        var total = report.Results.Count;
        var top1 = report.Results.Count(r => r.Rank == 1);
        var top5 = report.Results.Count(r => r.Rank <= 5);
        await output.WriteLineAsync(string.Create(c, $"{"all",-8} {total,5}   {top1,3} ({(double)top1 / Math.Max(1, total),6:P1})   {top5,3} ({(double)top5 / Math.Max(1, total),6:P1})"));

        var lines = all ? report.Results : report.Misses.ToList();
        await output.WriteLineAsync(all ? "Every line (rank of the expected heading; found: the first headings):" : $"Misses (the expected heading is not in the first five): {lines.Count}");
        foreach (var r in lines)
        {
            var rank = r.Rank is { } n ? n.ToString(c) : "-";
            await output.WriteLineAsync(string.Create(c,
                $"  line {r.Case.Line,3} [{r.Case.Language}] rank {rank,2}  \"{r.Case.Query}\" expected {string.Join(' ', r.Case.Expected)}; found {string.Join(' ', r.Top.Take(5))}"));
        }
    }
}
