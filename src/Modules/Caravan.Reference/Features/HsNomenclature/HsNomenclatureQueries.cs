using Caravan.Reference.Contracts;
using Caravan.Reference.Data;
using Caravan.Reference.Domain;
using Caravan.Reference.Features.HsNomenclature.Search;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Reference.Features.HsNomenclature;

internal sealed class HsNomenclatureQueries(ReferenceDbContext db, HsSearchIndex searchIndex) : IHsNomenclature
{
    public async Task<IReadOnlyList<HsSectionInfo>> ListSectionsAsync(CancellationToken cancellationToken = default)
    {
        var sections = await db.HsSections.AsNoTracking().OrderBy(s => s.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        var chapters = await db.HsEntries.AsNoTracking()
            .Where(e => e.Level == HsLevel.Chapter && e.SectionNumber != null)
            .Select(e => new { e.SectionNumber, e.Code })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var range = chapters.GroupBy(c => c.SectionNumber!.Value)
            .ToDictionary(g => g.Key, g => (First: g.Min(c => c.Code)!, Last: g.Max(c => c.Code)!));
        return sections.Select(s => ToInfo(s, range.GetValueOrDefault(s.Number, (string.Empty, string.Empty)))).ToList();
    }

    public async Task<HsSectionDetail?> FindSectionAsync(int number, CancellationToken cancellationToken = default)
    {
        var section = await db.HsSections.AsNoTracking().SingleOrDefaultAsync(s => s.Number == number, cancellationToken).ConfigureAwait(false);
        if (section is null)
        {
            return null;
        }

        var chapters = await db.HsEntries.AsNoTracking()
            .Where(e => e.SectionNumber == number && e.Level == HsLevel.Chapter)
            .OrderBy(e => e.Code)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var info = ToInfo(section, chapters.Count == 0 ? (string.Empty, string.Empty) : (chapters[0].Code, chapters[^1].Code));
        return new HsSectionDetail(info, chapters.Select(ToInfo).ToList());
    }

    public async Task<HsEntryDetail?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        // The parents of an HS code are its 2- and 4-digit prefixes: one query fetches the entry and its chain.
        var chain = Enumerable.Range(1, code.Length / 2).Select(n => code[..(n * 2)]).ToList();
        var entries = await db.HsEntries.AsNoTracking()
            .Where(e => chain.Contains(e.Code))
            .OrderBy(e => e.Code.Length)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var entry = entries.SingleOrDefault(e => e.Code == code);
        if (entry is null)
        {
            return null;
        }

        var children = await db.HsEntries.AsNoTracking()
            .Where(e => e.ParentCode == code)
            .OrderBy(e => e.Code)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sectionInfo = entry.SectionNumber is { } number ? await SectionInfoAsync(number, cancellationToken).ConfigureAwait(false) : null;
        return new HsEntryDetail(
            ToInfo(entry),
            sectionInfo,
            entries.Where(e => e.Code != code).Select(ToInfo).ToList(),
            children.Select(ToInfo).ToList());
    }

    public async Task<HsSearchResult> SearchAsync(string query, string? language, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var index = await searchIndex.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var digits = new string(query.Where(c => c is not ('.' or ' ')).ToArray());
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? index.SearchCode(query, digits, language, page, pageSize)
            : index.SearchWords(query, language, page, pageSize);
    }

    private async Task<HsSectionInfo?> SectionInfoAsync(int number, CancellationToken cancellationToken)
    {
        var section = await db.HsSections.AsNoTracking().SingleOrDefaultAsync(s => s.Number == number, cancellationToken).ConfigureAwait(false);
        if (section is null)
        {
            return null;
        }

        var chapters = db.HsEntries.Where(e => e.SectionNumber == number && e.Level == HsLevel.Chapter).Select(e => e.Code);
        var first = await chapters.OrderBy(c => c).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var last = await chapters.OrderByDescending(c => c).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return ToInfo(section, (first ?? string.Empty, last ?? string.Empty));
    }

    private static HsSectionInfo ToInfo(HsSection s, (string First, string Last) chapters) =>
        new(s.Number, s.Roman, s.NameEn, s.NameRu, chapters.First, chapters.Last) { NameZh = s.NameZh };

    private static HsEntryInfo ToInfo(HsEntry e) =>
        new(e.Code, HsLevels.Name(e.Level), e.DescriptionEn, e.DescriptionRu, e.ComtradeOnly)
        {
            DescriptionRuUnofficial = e.DescriptionRuUnofficial,
            DescriptionZh = e.DescriptionZh,
        };
}
