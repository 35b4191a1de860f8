using BenchmarkDotNet.Attributes;
using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Csv;
using Caravan.Platform.Persistence;
using Caravan.Reference;
using Caravan.Reference.Contracts;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Benchmarks;

/// <summary>Reading the reference files, and the two reads every page and API call makes.</summary>
[MemoryDiagnoser]
public class ReferenceBenchmarks
{
    private string _hsText = string.Empty;
    private ServiceProvider _services = null!;
    private string _directory = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        _hsText = await File.ReadAllTextAsync(Path.Combine(data, "hs2022.csv"));
        _directory = Path.Combine(Path.GetTempPath(), "caravan-bench-" + Guid.NewGuid().ToString("N")[..8]);
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
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "Parse hs2022.csv (6,939 rows)")]
    public int ParseHsFile() => CsvTable.Parse(_hsText, "hs2022.csv").Rows.Count;

    [Benchmark(Description = "ParseHsCode(\"5205.12\")")]
    public bool ParseHsCode() => ReferenceCodes.ParseHsCode("5205.12").IsValid;

    [Benchmark(Description = "GET hs/520512 query (SQLite)")]
    public async Task<int> FindSubheading()
    {
        await using var scope = _services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<IHsNomenclature>().FindAsync("520512");
        return entry!.Parents.Count;
    }

    [Benchmark(Description = "Search \"cotton yarn\" (SQLite)")]
    public async Task<int> SearchCottonYarn()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IHsNomenclature>().SearchAsync("cotton yarn", null, 1, 25);
        return result.Total;
    }
}
