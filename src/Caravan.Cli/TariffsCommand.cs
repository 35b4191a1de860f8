using System.CommandLine;
using System.Globalization;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Tariff.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Cli;

/// <summary>
/// <c>caravan tariffs import FILE…</c>: tariff schedules, requirements and exchange rates from the CSV formats of
/// docs/tariff-import.md, each file all or nothing, every error with its line and column.
/// </summary>
public static class TariffsCommand
{
    public static Command Create(Func<ParseResult, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var files = new Argument<string[]>("files") { Description = "CSV files: a schedule, requirements or exchange rates (told apart by the header).", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import the files in the order given. A file with any error imports nothing; a file imported again changes nothing; a newer version of a line keeps the older one in the history.");
        import.Arguments.Add(files);
        import.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
            {
                await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` first.");
                return 2;
            }

            var importer = sp.GetRequiredService<ITariffImport>();
            var audit = sp.GetRequiredService<IAuditLog>();
            var failed = 0;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                if (!File.Exists(file))
                {
                    await error.WriteLineAsync($"error: {file}: no such file.");
                    failed++;
                    continue;
                }

                var result = await importer.ImportAsync(file, "caravan-cli", ct);
                if (!result.Imported)
                {
                    failed++;
                    await error.WriteLineAsync($"{result.File}: not imported, {result.Errors.Count} error(s); nothing changed:");
                    foreach (var e in result.Errors.Take(200))
                    {
                        await error.WriteLineAsync($"  {e}");
                    }

                    continue;
                }

                await audit.AppendAsync(OrganisationsCommand.Operator(sp).Did("tariff.imported", "tariff-file", result.File, new { result.Kind, result.Rows, result.Added, result.Updated, result.Closed }), ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.File}: {result.Kind}, {result.Rows} rows: +{result.Added} added, ~{result.Updated} corrected, ={result.Unchanged} unchanged, {result.Closed} earlier version(s) closed"));
            }

            return failed == 0 ? 0 : 1;
        }));

        var tariffs = new Command("tariffs", "The trade information portal's data: tariff schedules, requirements, exchange rates.");
        tariffs.Subcommands.Add(import);
        return tariffs;
    }
}
