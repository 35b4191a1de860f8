using Caravan.Platform.Persistence;
using Caravan.Reference.Contracts;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Reference.Tests;

/// <summary>Importing reference data is idempotent and versioned, on every provider.</summary>
public abstract class ImportReferenceDataTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_import_loads_every_dataset_with_the_counts_of_the_files()
    {
        await using var host = await ModuleHost.StartAsync(provider);

        var results = await host.ImportAsync(ModuleHost.ShippedData);

        Assert.All(results, r => Assert.Equal(DatasetImportStatus.Imported, r.Status));
        Assert.Equal(ReferenceDatasets.All, results.Select(r => r.Dataset));
        Assert.Equal(6, await host.QueryAsync(db => db.Countries.CountAsync(Ct)));
        Assert.Equal(54, await host.QueryAsync(db => db.CountryNames.CountAsync(Ct)));
        Assert.Equal(21, await host.QueryAsync(db => db.HsSections.CountAsync(Ct)));
        Assert.Equal(6939, await host.QueryAsync(db => db.HsEntries.CountAsync(Ct)));
        Assert.Equal(249, await host.QueryAsync(db => db.Locations.CountAsync(Ct)));
        Assert.Equal(39, await host.QueryAsync(db => db.BorderCrossings.CountAsync(Ct)));
        var importedAt = await host.QueryAsync(db => db.Datasets.Select(d => d.ImportedAt).ToListAsync(Ct));
        Assert.All(importedAt, t => Assert.Equal(host.Clock.GetUtcNow(), t));
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing_and_duplicates_nothing()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        var first = await host.ImportAsync(ModuleHost.ShippedData);

        var second = await host.ImportAsync(ModuleHost.ShippedData);

        Assert.All(second, r => Assert.Equal(DatasetImportStatus.Unchanged, r.Status));
        Assert.Equal(first.Select(r => r.Version), second.Select(r => r.Version));
        Assert.Equal(6939, await host.QueryAsync(db => db.HsEntries.CountAsync(Ct)));
        Assert.Equal(39, await host.QueryAsync(db => db.BorderCrossings.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_newer_file_updates_rows_in_place_adds_new_ones_and_removes_withdrawn_ones()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);
        var folder = host.CopyOfData();
        var hs = Path.Combine(folder, "hs2022.csv");
        await File.WriteAllTextAsync(hs, (await File.ReadAllTextAsync(hs, Ct)).Replace("Cotton yarn; (not sewing thread), single, of uncombed fibres, 85% or more by weight of cotton, less than 714.29", "Cotton yarn, revised wording, less than 714.29", StringComparison.Ordinal), Ct);
        var crossings = Path.Combine(folder, "border_crossings.csv");
        var lines = (await File.ReadAllLinesAsync(crossings, Ct)).Where(l => !l.StartsWith("KZ-TM-01,", StringComparison.Ordinal)).ToList();
        await File.WriteAllLinesAsync(crossings, lines, Ct);
        var locations = Path.Combine(folder, "unlocode_cn_central_asia.csv");
        await File.AppendAllTextAsync(locations, "KG,ZZZ,KGZZZ,Testville,Testville,,,,--3-----,road,RL,2025,,,,,,2025-1,test,test\n", Ct);

        var results = (await host.ImportAsync(folder)).ToDictionary(r => r.Dataset);

        Assert.Equal(DatasetImportStatus.Unchanged, results[ReferenceDatasets.Countries].Status);
        Assert.Equal((DatasetImportStatus.Updated, 0, 1, 0), (results[ReferenceDatasets.HsNomenclature].Status, results[ReferenceDatasets.HsNomenclature].Added, results[ReferenceDatasets.HsNomenclature].Updated, results[ReferenceDatasets.HsNomenclature].Removed));
        Assert.Equal((DatasetImportStatus.Updated, 1, 0, 0), (results[ReferenceDatasets.Locations].Status, results[ReferenceDatasets.Locations].Added, results[ReferenceDatasets.Locations].Updated, results[ReferenceDatasets.Locations].Removed));
        Assert.Equal((DatasetImportStatus.Updated, 0, 0, 1), (results[ReferenceDatasets.BorderCrossings].Status, results[ReferenceDatasets.BorderCrossings].Added, results[ReferenceDatasets.BorderCrossings].Updated, results[ReferenceDatasets.BorderCrossings].Removed));
        var entry = await host.InScopeAsync(sp => sp.GetRequiredService<IHsNomenclature>().FindAsync("520512", Ct));
        Assert.StartsWith("Cotton yarn, revised wording", entry!.Entry.DescriptionEn, StringComparison.Ordinal);
        Assert.Equal(6939, await host.QueryAsync(db => db.HsEntries.CountAsync(Ct)));
        Assert.Equal(38, await host.QueryAsync(db => db.BorderCrossings.CountAsync(Ct)));
        Assert.Equal(250, await host.QueryAsync(db => db.Locations.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_line_and_changes_nothing()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        var before = await host.ImportAsync(ModuleHost.ShippedData);
        var folder = host.CopyOfData();
        var hs = Path.Combine(folder, "hs2022.csv");
        var lines = (await File.ReadAllLinesAsync(hs, Ct)).ToList();
        lines[5] = "010129,6,0101,01,I,\"Horses; live, other\""; // too few fields, and it is line 6
        await File.WriteAllLinesAsync(hs, lines, Ct);

        var error = await Assert.ThrowsAsync<FormatException>(() => host.ImportAsync(folder));

        Assert.Contains("hs2022.csv, line 6", error.Message, StringComparison.Ordinal);
        var version = await host.QueryAsync(db => db.Datasets.Where(d => d.Name == ReferenceDatasets.HsNomenclature).Select(d => d.Version).SingleAsync(Ct));
        Assert.Equal(before.Single(r => r.Dataset == ReferenceDatasets.HsNomenclature).Version, version);
        Assert.Equal(6939, await host.QueryAsync(db => db.HsEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_hs_code_whose_parent_is_not_its_prefix_is_refused()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        var folder = host.CopyOfData();
        var hs = Path.Combine(folder, "hs2022.csv");
        var lines = (await File.ReadAllLinesAsync(hs, Ct)).ToList();
        lines[2] = lines[2].Replace("0101,4,01", "0101,4,02", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(hs, lines, Ct);

        var error = await Assert.ThrowsAsync<FormatException>(() => host.ImportAsync(folder));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("not its prefix", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.HsEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Two_instances_importing_at_once_load_the_data_once()
    {
        await using var host = await ModuleHost.StartAsync(provider);

        var results = await Task.WhenAll(host.ImportAsync(ModuleHost.ShippedData), host.ImportAsync(ModuleHost.ShippedData));

        var hs = results.Select(r => r.Single(d => d.Dataset == ReferenceDatasets.HsNomenclature).Status).Order().ToList();
        Assert.Equal([DatasetImportStatus.Unchanged, DatasetImportStatus.Imported], hs);
        Assert.Equal(6939, await host.QueryAsync(db => db.HsEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Search_folds_case_in_russian_the_same_way_on_every_provider()
    {
        await using var host = await ModuleHost.StartAsync(provider);
        await host.ImportAsync(ModuleHost.ShippedData);

        var lower = await host.InScopeAsync(sp => sp.GetRequiredService<IHsNomenclature>().SearchAsync("пряжа хлопчатобумажная", Languages.Russian, 1, 50, Ct));
        var upper = await host.InScopeAsync(sp => sp.GetRequiredService<IHsNomenclature>().SearchAsync("ПРЯЖА Хлопчатобумажная", Languages.Russian, 1, 50, Ct));

        Assert.Contains(lower.Items, i => i.Code == "5205");
        Assert.Equal(lower.Items.Select(i => i.Code), upper.Items.Select(i => i.Code));
    }
}

public sealed class ImportReferenceDataOnSqlite() : ImportReferenceDataTests(DatabaseProvider.Sqlite);

public sealed class ImportReferenceDataOnPostgres() : ImportReferenceDataTests(DatabaseProvider.Postgres);
