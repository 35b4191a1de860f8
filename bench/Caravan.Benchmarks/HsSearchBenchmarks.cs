using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Reference;
using Caravan.Reference.Contracts;
using Caravan.Reference.Data;
using Caravan.Reference.Domain;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Benchmarks;

/// <summary>
/// The HS search (issue 8) across languages, one search per measured iteration so that the percentiles are those of
/// single searches: the ranked Lucene.NET search through <see cref="IHsNomenclature.SearchAsync"/> (a scope, the
/// index, grouping, highlighting and paths), against the baseline of the same run: the plain search it replaced,
/// every word matched with LIKE/instr over the folded descriptions on SQLite, ordered by level and code.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class HsSearchBenchmarks
{
    private ServiceProvider _services = null!;
    private string _directory = string.Empty;

    public static IEnumerable<string> Queries =>
    [
        "cotton yarn", "хлопковая пряжа", "棉纱", "photovoltaic modules", "солнечные панели", "电动汽车", "dried apricots", "медные катоды",
    ];

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        _directory = Path.Combine(Path.GetTempPath(), "caravan-bench-hs-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caravan:Database:DataDirectory"] = _directory,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCaravanPlatform(configuration).AddCaravanAudit().AddReferenceModule(configuration);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<IReferenceDataImport>().ImportAsync(data);
        await scope.ServiceProvider.GetRequiredService<IHsNomenclature>().SearchAsync("warm up", null, 1, 25); // builds the index
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "Ranked search (Lucene.NET)")]
    public async Task<int> Ranked()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IHsNomenclature>().SearchAsync(Query, null, 1, 25);
        return result.Total;
    }

    [Benchmark(Baseline = true, Description = "Previous plain search (SQL LIKE, SQLite)")]
    public async Task<int> PlainSql()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferenceDbContext>();
        var candidates = db.HsEntries.AsNoTracking().Where(e => !e.ComtradeOnly);
        foreach (var word in Query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            candidates = candidates.Where(e => e.SearchEn.Contains(word) || (e.SearchRu != null && e.SearchRu.Contains(word)));
        }

        var total = await candidates.CountAsync();
        var items = await candidates.OrderBy(e => e.Level).ThenBy(e => e.Code).Take(25).ToListAsync();
        return total + items.Count;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // One invocation per iteration: each measurement is one search, so P50/P95/P99 are per-search latencies.
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(30).WithIterationCount(400).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99));
        }
    }

    /// <summary>A percentile of the measurements; BenchmarkDotNet has columns up to P95 only.</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => "P" + percentile.ToString(CultureInfo.InvariantCulture);

        public string ColumnName => Id;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 100;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"{percentile.ToString(CultureInfo.InvariantCulture)}th percentile of the measured searches";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
            {
                return "NA";
            }

            var nanoseconds = statistics.Percentiles.Percentile(percentile);
            return (nanoseconds / 1_000_000).ToString("0.000", CultureInfo.InvariantCulture) + " ms";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
