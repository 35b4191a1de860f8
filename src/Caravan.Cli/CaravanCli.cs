using System.CommandLine;
using System.Globalization;
using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Platform.Persistence;
using Caravan.Access;
using Caravan.Origin;
using Caravan.Reference;
using Caravan.Risk;
using Caravan.Tariff;
using Caravan.Trade;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caravan.Cli;

/// <summary>
/// The command tree of <c>caravan</c>. Configuration comes, in rising order of precedence, from appsettings.json
/// beside the tool, CARAVAN-style environment variables (<c>Caravan__Database__Provider=Postgres</c>), and the
/// global options.
/// </summary>
public static class CaravanCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var provider = new Option<DatabaseProvider?>("--provider") { Description = "Database provider: Sqlite (embedded default) or Postgres.", Recursive = true };
        var connection = new Option<string?>("--connection-string") { Description = "Connection string; required for Postgres unless Caravan__Database__ConnectionString is set.", Recursive = true };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Folder of the embedded SQLite database (default: ~/.local/share/caravan).", Recursive = true };

        var root = new RootCommand("caravan: the operator tool of the Caravan platform (China–Central Asia).");
        root.Options.Add(provider);
        root.Options.Add(connection);
        root.Options.Add(dataDirectory);

        IServiceProvider Services(ParseResult parse) => ServicesWith(parse, new Dictionary<string, string?>());

        IServiceProvider ServicesWith(ParseResult parse, IReadOnlyDictionary<string, string?> extra)
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(provider) is { } p)
            {
                overrides["Caravan:Database:Provider"] = p.ToString();
            }

            if (parse.GetValue(connection) is { } c)
            {
                overrides["Caravan:Database:ConnectionString"] = c;
            }

            if (parse.GetValue(dataDirectory) is { } d)
            {
                overrides["Caravan:Database:DataDirectory"] = d;
            }

            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
                .AddInMemoryCollection(overrides)
                .AddInMemoryCollection(extra)
                .Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
            services.AddCaravanPlatform(configuration);
            services.AddCaravanAudit();
            services.AddCaravanMessaging(dispatch: false);
            services.AddAccessModule(configuration);
            services.AddReferenceModule(configuration);
            services.AddTradeModule();
            services.AddRiskModule();
            services.AddOriginModule();
            services.AddTariffModule();
            // Not ValidateOnBuild: the modules also register their web-only services (sign-in, cookies), which a CLI never resolves.
            return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }

        var db = new Command("db", "The platform's database: schema migrations for every module, on SQLite or PostgreSQL.");
        var migrate = new Command("migrate", "Apply every pending migration of every module database. Safe to run again: it applies only what is missing.");
        migrate.SetAction(async (parse, ct) => await RunWith(Services(parse), error, async sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await output.WriteLineAsync($"Migrating {Describe(options)}");
            var results = await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            foreach (var r in results)
            {
                await output.WriteLineAsync(r.Migrations.Count == 0
                    ? $"  {r.Context}: up to date"
                    : $"  {r.Context}: applied {string.Join(", ", r.Migrations)}");
            }

            return 0;
        }));
        var status = new Command("status", "List the migrations not yet applied; exit code 1 when there are any.");
        status.SetAction(async (parse, ct) => await RunWith(Services(parse), error, async sp =>
        {
            var pending = await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct);
            foreach (var p in pending)
            {
                await output.WriteLineAsync($"  {p.Context}: pending {string.Join(", ", p.Migrations)}");
            }

            await output.WriteLineAsync(pending.Count == 0 ? "The schema is up to date." : "Run `caravan db migrate` to apply them.");
            return pending.Count == 0 ? 0 : 1;
        }));
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);

        var reference = new Command("reference", "Reference data: countries, HS 2022, UN/LOCODE locations, border crossings.");
        var path = new Option<string?>("--path") { Description = "Folder with the CSV files (default: the data/ folder shipped beside the tool)." };
        var import = new Command("import", "Import or update the reference data. Idempotent: unchanged files change nothing; newer files update rows in place, never duplicate them. Migrate first.");
        import.Options.Add(path);
        import.SetAction(async (parse, ct) => await RunWith(Services(parse), error, async sp =>
        {
            if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
            {
                await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` first.");
                return 2;
            }

            var folder = parse.GetValue(path) is { } given ? Path.GetFullPath(given) : sp.GetRequiredService<IOptions<ReferenceDataOptions>>().Value.ResolvePath();
            await output.WriteLineAsync($"Importing reference data from {folder}");
            var results = await sp.GetRequiredService<IReferenceDataImport>().ImportAsync(folder, ct);
            foreach (var r in results)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {r.Dataset,-18} {r.Status,-9} {r.Rows,6} rows  +{r.Added} ~{r.Updated} -{r.Removed}  version {r.Version[..12]}  ({r.Edition})"));
            }

            return 0;
        }));
        reference.Subcommands.Add(import);

        root.Subcommands.Add(db);
        root.Subcommands.Add(reference);
        root.Subcommands.Add(AuditCommand.Create(Services, output, error));
        root.Subcommands.Add(OrganisationsCommand.Create(Services, output, error));
        root.Subcommands.Add(ClientsCommand.Create(Services, output, error));
        root.Subcommands.Add(TariffsCommand.Create(Services, output, error));
        root.Subcommands.Add(ReleaseTimesCommand.Create(Services, output, error));
        root.Subcommands.Add(Simulation.SimulateCommand.Create(Services, output, error));
        root.Subcommands.Add(Conformance.ConformanceCommand.Create(output, error));
        root.Subcommands.Add(HsCommand.Create(ServicesWith, output, error));

        var configurationResult = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configurationResult, cancellationToken);
    }

    private static string Describe(DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? $"SQLite at {Path.Combine(options.ResolveDataDirectory(), DatabaseOptions.DefaultSqliteFileName)}"
            : $"{options.Provider}";

    /// <summary>Runs a command in a scope; an operator sees a one-line reason, not a stack trace, and exit code 2.</summary>
    internal static async Task<int> RunWith(IServiceProvider services, TextWriter error, Func<IServiceProvider, Task<int>> action)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is FormatException or IOException or OptionsValidationException or InvalidOperationException or ArgumentException
                                       or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        finally
        {
            if (services is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
