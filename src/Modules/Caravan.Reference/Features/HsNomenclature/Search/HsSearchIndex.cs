using Caravan.Reference.Data;
using Caravan.Reference.Domain;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Reference.Features.HsNomenclature.Search;

/// <summary>
/// The in-memory search index of the HS nomenclature, one per process. It is built from the database once the
/// reference data are loaded (the start-up import asks for it), never per request, and rebuilt when the HS dataset's
/// version changes: at once after an import in this process, and within <see cref="CheckEvery"/> after an import by
/// another process (the CLI, another instance), which costs one small query per interval.
/// </summary>
internal sealed partial class HsSearchIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HsSearchIndex> logger) : IDisposable
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile HsIndexSnapshot? _current;
    private long _checkedAt;
    private volatile bool _stale;

    /// <summary>The next search checks the dataset's version first (called after an import in this process).</summary>
    public void Invalidate() => _stale = true;

    public async Task<HsIndexSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } fresh && IsFresh())
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } built && IsFresh())
            {
                return built;
            }

            _stale = false;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferenceDbContext>();
            var version = await db.Datasets.AsNoTracking()
                .Where(d => d.Name == ReferenceDatasets.HsNomenclature)
                .Select(d => d.Version)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
            if (_current is null || _current.Version != version)
            {
                var started = clock.GetTimestamp();
                var sections = await db.HsSections.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                var entries = await db.HsEntries.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                var synonyms = await db.HsSynonyms.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                _current = HsIndexSnapshot.Build(version, sections, entries, synonyms);
                LogBuilt(logger, version.Length >= 12 ? version[..12] : "(none)", entries.Count, synonyms.Count, clock.GetElapsedTime(started).TotalMilliseconds);
            }

            Volatile.Write(ref _checkedAt, clock.GetTimestamp());
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh() => !_stale && clock.GetElapsedTime(Volatile.Read(ref _checkedAt)) < CheckEvery;

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "HS search index built for dataset version {Version}: {Entries} entries, {Synonyms} synonym rows, in {Milliseconds:0} ms")]
    private static partial void LogBuilt(ILogger logger, string version, int entries, int synonyms, double milliseconds);
}

/// <summary>What the index needs to know of an entry beyond the database row.</summary>
internal static class HsLevels
{
    public static string Name(HsLevel level) => level switch
    {
        HsLevel.Chapter => "chapter",
        HsLevel.Heading => "heading",
        _ => "subheading",
    };
}
