using System.Globalization;
using System.Security.Cryptography;
using Caravan.Platform.Audit;
using Caravan.Platform.Csv;
using Caravan.Reference.Data;
using Caravan.Reference.Domain;
using Caravan.Reference.Features.HsNomenclature.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Caravan.Reference.Features.ImportReferenceData;

public enum DatasetImportStatus
{
    /// <summary>The stored version is the version of the files: nothing was written.</summary>
    Unchanged,

    /// <summary>The dataset was not there before.</summary>
    Imported,

    /// <summary>The files changed since the last import; rows were added, updated or removed in place.</summary>
    Updated,
}

public sealed record DatasetImportResult(string Dataset, string Edition, DatasetImportStatus Status, int Rows, int Added, int Updated, int Removed, string Version);

/// <summary>
/// Loads the reference datasets from the data folder. Idempotent and versioned: each dataset's version is the
/// SHA-256 of its files; the same files change nothing, newer files update rows by their natural key
/// (ISO code, HS code, UN/LOCODE, crossing id) and remove rows the files no longer hold. Never duplicates.
/// A malformed file stops the import of its dataset with the file and line, and changes nothing.
/// </summary>
internal sealed partial class ReferenceDataImporter : IReferenceDataImport
{
    private readonly ReferenceDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReferenceDataImporter> _logger;
    private readonly IAuditLog _audit;
    private readonly HsSearchIndex _searchIndex;

    public ReferenceDataImporter(ReferenceDbContext db, TimeProvider clock, IAuditLog audit, HsSearchIndex searchIndex, ILogger<ReferenceDataImporter> logger)
    {
        _searchIndex = searchIndex;
        _db = db;
        _clock = clock;
        _audit = audit;
        _logger = logger;
    }

    public async Task<IReadOnlyList<DatasetImportResult>> ImportAsync(string dataPath, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(dataPath))
        {
            throw new DirectoryNotFoundException($"The reference data folder '{dataPath}' does not exist. Set Caravan:ReferenceData:Path.");
        }

        var results = new List<DatasetImportResult>
        {
            await ImportDatasetAsync(ReferenceDatasets.Countries, "ISO 3166-1; names from CLDR (ICU 72)", dataPath, ["countries.csv", "country_names_icu.csv"], SyncCountriesAsync, cancellationToken).ConfigureAwait(false),
            await ImportDatasetAsync(ReferenceDatasets.HsNomenclature, HsEdition, dataPath, HsFiles, SyncHsAsync, cancellationToken).ConfigureAwait(false),
            await ImportDatasetAsync(ReferenceDatasets.Locations, "UN/LOCODE 2024-2 (CN: 2018-1)", dataPath, ["unlocode_cn_central_asia.csv"], SyncLocationsAsync, cancellationToken).ConfigureAwait(false),
            await ImportDatasetAsync(ReferenceDatasets.BorderCrossings, "Caravan compilation, sources per row", dataPath, ["border_crossings.csv"], SyncCrossingsAsync, cancellationToken).ConfigureAwait(false),
        };
        if (results.Any(r => r.Dataset == ReferenceDatasets.HsNomenclature && r.Status != DatasetImportStatus.Unchanged))
        {
            _searchIndex.Invalidate();
        }

        return results;
    }

    /// <summary>The files of the HS dataset, in the order <see cref="SyncHsAsync"/> reads them.</summary>
    internal static readonly string[] HsFiles =
        ["hs2022_sections.csv", "hs2022.csv", "hs2022_names_ru.csv", "hs2022_names_ru_unofficial.csv", "hs2022_names_zh.csv", "hs2022_synonyms.csv"];

    private const string HsEdition = "HS 2022 (UN Comtrade H6); Russian names from TN VED EAEU; Caravan's unofficial Chinese names, Russian gaps and synonyms";

    private delegate Task<SyncCounts> SyncDataset(IReadOnlyList<CsvTable> tables, CancellationToken cancellationToken);

    private async Task<DatasetImportResult> ImportDatasetAsync(
        string name, string edition, string dataPath, string[] files, SyncDataset sync, CancellationToken cancellationToken)
    {
        var paths = files.Select(f => Path.Combine(dataPath, f)).ToList();
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"Dataset '{name}' needs {string.Join(", ", missing)}.");
        }

        var version = await HashAsync(paths, cancellationToken).ConfigureAwait(false);
        var record = await _db.Datasets.SingleOrDefaultAsync(d => d.Name == name, cancellationToken).ConfigureAwait(false);
        if (record is not null && record.Version == version)
        {
            LogUnchanged(_logger, name, version[..12]);
            return new DatasetImportResult(name, record.Edition, DatasetImportStatus.Unchanged, record.RowCount, 0, 0, 0, version);
        }

        var tables = new List<CsvTable>();
        foreach (var path in paths)
        {
            tables.Add(await CsvTable.ReadFileAsync(path, cancellationToken).ConfigureAwait(false));
        }

        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            _db.ChangeTracker.Clear();
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (_db.Database.IsNpgsql())
            {
                // Several instances may start together: one imports, the others wait here and then find it done.
                await _db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7262277)", cancellationToken).ConfigureAwait(false);
            }

            var dataset = await _db.Datasets.SingleOrDefaultAsync(d => d.Name == name, cancellationToken).ConfigureAwait(false);
            if (dataset is not null && dataset.Version == version)
            {
                LogUnchanged(_logger, name, version[..12]);
                return new DatasetImportResult(name, dataset.Edition, DatasetImportStatus.Unchanged, dataset.RowCount, 0, 0, 0, version);
            }

            var status = dataset is null ? DatasetImportStatus.Imported : DatasetImportStatus.Updated;
            var counts = await sync(tables, cancellationToken).ConfigureAwait(false);
            if (dataset is null)
            {
                dataset = new ReferenceDataset { Name = name, Version = version, Edition = edition };
                _db.Datasets.Add(dataset);
            }

            dataset.Version = version;
            dataset.Edition = edition;
            dataset.RowCount = counts.Total;
            dataset.ImportedAt = _clock.GetUtcNow();
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await _audit.AppendAsync(
                new AuditRecord(AuditActorKind.System, "reference-import", "reference.dataset.imported", "dataset", name)
                {
                    Change = new { version, edition, status = status.ToString(), counts.Total, counts.Added, counts.Updated, counts.Removed },
                },
                _db,
                cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _db.ChangeTracker.Clear();

            LogImported(_logger, name, status, counts.Total, counts.Added, counts.Updated, counts.Removed);
            return new DatasetImportResult(name, edition, status, counts.Total, counts.Added, counts.Updated, counts.Removed, version);
        }).ConfigureAwait(false);
    }

    private async Task<SyncCounts> SyncCountriesAsync(IReadOnlyList<CsvTable> tables, CancellationToken cancellationToken)
    {
        var countries = tables[0].Rows.Select(r => new Country
        {
            Code = Code(r, "iso2", 2),
            Iso3 = Code(r, "iso3", 3),
            NumericCode = r.Required("numeric"),
            Currency = Code(r, "currency", 3),
            TimeZone = TimeZoneOf(r),
            CustomsUnion = r.Optional("customs_union"),
        }).ToList();
        var known = countries.Select(c => c.Code).ToHashSet();
        var names = tables[1].Rows.Select(r => new CountryName
        {
            CountryCode = KnownCode(r, "iso2", known),
            Language = r.Required("ui_language"),
            Name = r.Required("name"),
        }).ToList();

        var counts = await SyncAsync(_db.Countries, countries, c => c.Code, cancellationToken).ConfigureAwait(false);
        var nameCounts = await SyncAsync(_db.CountryNames, names, n => (n.CountryCode, n.Language), cancellationToken).ConfigureAwait(false);
        return counts + nameCounts;
    }

    private async Task<SyncCounts> SyncHsAsync(IReadOnlyList<CsvTable> tables, CancellationToken cancellationToken)
    {
        var sections = tables[0].Rows.Select(r => new HsSection
        {
            Number = r.RequiredInt("section_number"),
            Roman = r.Required("section"),
            NameEn = r.Required("name_en"),
            NameRu = r.Optional("name_ru"),
        }).ToList();
        var sectionByRoman = sections.ToDictionary(s => s.Roman, s => s, StringComparer.Ordinal);
        var russian = tables[2].Rows.ToDictionary(r => r.Required("hscode"), r => r.Required("name_ru"), StringComparer.Ordinal);

        var entries = new List<HsEntry>(tables[1].Rows.Count);
        foreach (var r in tables[1].Rows)
        {
            var code = r.Required("hscode");
            var level = r.RequiredInt("level");
            if (code.Length != level || !code.All(char.IsAsciiDigit) || level is not (2 or 4 or 6))
            {
                throw r.Error($"HS code '{code}' does not match its level {level}");
            }

            var parent = r.Optional("parent");
            if ((level == 2) != (parent is null) || (parent is not null && !code.StartsWith(parent, StringComparison.Ordinal)))
            {
                throw r.Error($"HS code '{code}' has parent '{parent}', which is not its prefix");
            }

            var section = r.Optional("section");
            int? sectionNumber = section is null ? null
                : sectionByRoman.TryGetValue(section, out var s) ? s.Number
                : throw r.Error($"section '{section}' is not in hs2022_sections.csv");
            var en = r.Required("description_en");
            var ru = russian.GetValueOrDefault(code);
            entries.Add(new HsEntry
            {
                Code = code,
                Level = (HsLevel)level,
                ParentCode = parent,
                ChapterCode = r.Required("chapter"),
                SectionNumber = sectionNumber,
                DescriptionEn = en,
                DescriptionRu = ru,
                ComtradeOnly = bool.TryParse(r["comtrade_only"], out var comtrade) && comtrade,
                SearchEn = en.ToLowerInvariant(),
                SearchRu = ru?.ToLowerInvariant(),
            });
        }

        var byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var orphan = entries.FirstOrDefault(e => e.ParentCode is not null && !byCode.ContainsKey(e.ParentCode));
        if (orphan is not null)
        {
            throw new FormatException($"hs2022.csv: the parent '{orphan.ParentCode}' of '{orphan.Code}' is not in the file.");
        }

        // The project's own texts: each row must say it is unofficial, name a code of hs2022.csv, and never replace an official text.
        foreach (var r in tables[3].Rows)
        {
            var entry = KnownHsEntry(r, byCode);
            Unofficial(r);
            if (entry.DescriptionRu is not null)
            {
                throw r.Error($"'{entry.Code}' has an official Russian name in hs2022_names_ru.csv; an unofficial one may only fill a gap");
            }

            entry.DescriptionRu = r.Required("name_ru");
            entry.DescriptionRuUnofficial = true;
            entry.SearchRu = entry.DescriptionRu.ToLowerInvariant();
        }

        foreach (var r in tables[4].Rows)
        {
            Unofficial(r);
            if (r.Required("level") == "section")
            {
                (sectionByRoman.GetValueOrDefault(r.Required("hscode")) ?? throw r.Error($"section '{r["hscode"]}' is not in hs2022_sections.csv")).NameZh = r.Required("name_zh");
            }
            else
            {
                KnownHsEntry(r, byCode).DescriptionZh = r.Required("name_zh");
            }
        }

        var synonyms = new List<HsSynonym>();
        foreach (var r in tables[5].Rows)
        {
            Unofficial(r);
            var language = r.Required("language");
            if (language is not ("en" or "ru" or "zh"))
            {
                throw r.Error($"language '{language}' is not en, ru or zh");
            }

            var terms = r.Required("terms").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            synonyms.Add(new HsSynonym { Code = KnownHsEntry(r, byCode).Code, Language = language, Terms = string.Join("; ", terms) });
        }

        var sectionCounts = await SyncAsync(_db.HsSections, sections, s => s.Number, cancellationToken).ConfigureAwait(false);
        var entryCounts = await SyncAsync(_db.HsEntries, entries, e => e.Code, cancellationToken).ConfigureAwait(false);
        var synonymCounts = await SyncAsync(_db.HsSynonyms, synonyms, s => (s.Code, s.Language), cancellationToken).ConfigureAwait(false);
        return sectionCounts + entryCounts + synonymCounts;
    }

    private static HsEntry KnownHsEntry(CsvRow row, Dictionary<string, HsEntry> entries) =>
        entries.GetValueOrDefault(row.Required("hscode")) ?? throw row.Error($"HS code '{row["hscode"]}' is not in hs2022.csv");

    private static void Unofficial(CsvRow row)
    {
        if (row.Required("status") != "unofficial")
        {
            throw row.Error($"status is '{row["status"]}'; the project's own translations and synonyms are marked 'unofficial'");
        }
    }

    private async Task<SyncCounts> SyncLocationsAsync(IReadOnlyList<CsvTable> tables, CancellationToken cancellationToken)
    {
        var locations = tables[0].Rows.Select(r => new Location
        {
            Locode = Code(r, "locode", 5),
            CountryCode = Code(r, "country", 2),
            Name = r.Required("name"),
            NameAscii = r.Optional("name_wo_diacritics") ?? r.Required("name"),
            SubdivisionCode = r.Optional("subdivision_iso"),
            SubdivisionName = r.Optional("subdivision_name"),
            Functions = r.Optional("function_decoded"),
            Status = r.Optional("status"),
            Iata = r.Optional("iata"),
            Latitude = Latitude(r, "latitude"),
            Longitude = Longitude(r, "longitude"),
            Edition = r.Required("edition"),
        }).ToList();
        return await SyncAsync(_db.Locations, locations, l => l.Locode, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SyncCounts> SyncCrossingsAsync(IReadOnlyList<CsvTable> tables, CancellationToken cancellationToken)
    {
        var known = await _db.Countries.Select(c => c.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        var countries = known.ToHashSet();
        var crossings = tables[0].Rows.Select(r => new BorderCrossing
        {
            Id = r.Required("crossing_id"),
            SideA = new CrossingSide { CountryCode = KnownCode(r, "country_a", countries), Name = r.Optional("name_a"), AdminArea = r.Optional("admin_a"), Locode = r.Optional("locode_a") },
            SideB = new CrossingSide { CountryCode = KnownCode(r, "country_b", countries), Name = r.Optional("name_b"), AdminArea = r.Optional("admin_b"), Locode = r.Optional("locode_b") },
            NameZh = r.Optional("name_zh"),
            Mode = Enum.TryParse<TransportMode>(r.Required("mode"), ignoreCase: true, out var mode) ? mode : throw r.Error($"mode '{r["mode"]}' is neither road nor rail"),
            Status = r.Required("status"),
            Latitude = Latitude(r, "latitude"),
            Longitude = Longitude(r, "longitude"),
            CoordinatesReferTo = r.Optional("coord_refers_to"),
            CoordinatesSource = r.Optional("coord_source"),
            Notes = r.Optional("notes"),
            Sources = r.Optional("sources"),
        }).ToList();
        return await SyncAsync(_db.BorderCrossings, crossings, c => c.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the table hold exactly <paramref name="incoming"/>: adds, updates in place, removes the rest.</summary>
    private async Task<SyncCounts> SyncAsync<T, TKey>(DbSet<T> set, IReadOnlyList<T> incoming, Func<T, TKey> key, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var duplicate = incoming.GroupBy(key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{typeof(T).Name} '{duplicate.Key}' appears more than once in the file.");
        }

        var existing = (await set.ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(key);
        var kept = new List<T>(existing.Count);
        var added = 0;
        foreach (var item in incoming)
        {
            if (existing.Remove(key(item), out var current))
            {
                // SetValues marks only the properties whose values differ, so unchanged rows stay Unchanged.
                var entry = _db.Entry(current);
                entry.CurrentValues.SetValues(item);
                foreach (var owned in entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned()))
                {
                    if (owned.TargetEntry is { } target && owned.Metadata.PropertyInfo?.GetValue(item) is { } source)
                    {
                        target.CurrentValues.SetValues(source);
                    }
                }

                kept.Add(current);
            }
            else
            {
                set.Add(item);
                added++;
            }
        }

        set.RemoveRange(existing.Values);
        var updated = kept.Count(item =>
        {
            var entry = _db.Entry(item);
            return entry.State == EntityState.Modified || entry.References.Any(r => r.TargetEntry?.State == EntityState.Modified);
        });
        return new SyncCounts(incoming.Count, added, updated, existing.Count);
    }

    private static async Task<string> HashAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\n"));
            hash.AppendData(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Code(CsvRow row, string column, int length)
    {
        var value = row.Required(column);
        return value.Length == length && value.All(char.IsAsciiLetterOrDigit)
            ? value.ToUpperInvariant()
            : throw row.Error($"'{column}' is '{value}', not a {length}-character code");
    }

    private static string KnownCode(CsvRow row, string column, HashSet<string> known)
    {
        var value = row.Required(column);
        return known.Contains(value) ? value : throw row.Error($"'{column}' is '{value}', which is not one of the countries ({string.Join(", ", known)})");
    }

    private static string TimeZoneOf(CsvRow row)
    {
        var zone = row.Required("time_zone");
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : throw row.Error($"time zone '{zone}' is unknown to this system");
    }

    private static double? Latitude(CsvRow row, string column) => InRange(row, column, 90);

    private static double? Longitude(CsvRow row, string column) => InRange(row, column, 180);

    private static double? InRange(CsvRow row, string column, double limit) =>
        row.OptionalDouble(column) switch
        {
            { } v when Math.Abs(v) > limit => throw row.Error($"'{column}' is {v.ToString(CultureInfo.InvariantCulture)}, outside ±{limit.ToString(CultureInfo.InvariantCulture)}"),
            var v => v,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference dataset {Dataset} is current (version {Version}); nothing to import")]
    private static partial void LogUnchanged(ILogger logger, string dataset, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference dataset {Dataset}: {Status}, {Rows} rows ({Added} added, {Updated} updated, {Removed} removed)")]
    private static partial void LogImported(ILogger logger, string dataset, DatasetImportStatus status, int rows, int added, int updated, int removed);

    private readonly record struct SyncCounts(int Total, int Added, int Updated, int Removed)
    {
        public static SyncCounts operator +(SyncCounts a, SyncCounts b) =>
            new(a.Total + b.Total, a.Added + b.Added, a.Updated + b.Updated, a.Removed + b.Removed);
    }
}
