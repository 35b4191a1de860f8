namespace Caravan.Reference.Contracts;

/// <summary>The HS 2022 nomenclature: sections, chapters, headings and subheadings.</summary>
public interface IHsNomenclature
{
    Task<IReadOnlyList<HsSectionInfo>> ListSectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>A section with its chapters, or null.</summary>
    Task<HsSectionDetail?> FindSectionAsync(int number, CancellationToken cancellationToken = default);

    /// <param name="code">2, 4 or 6 digits (see <see cref="ReferenceCodes.ParseHsCode"/>).</param>
    Task<HsEntryDetail?> FindAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// A first plain search: every word of the query must appear in the description (English, Russian, or
    /// both when <paramref name="language"/> is null); digits search by code prefix.
    /// </summary>
    Task<HsSearchResult> SearchAsync(string query, string? language, int page, int pageSize, CancellationToken cancellationToken = default);
}

public sealed record HsSectionInfo(int Number, string Roman, string NameEn, string? NameRu, string FirstChapter, string LastChapter);

public sealed record HsSectionDetail(HsSectionInfo Section, IReadOnlyList<HsEntryInfo> Chapters);

/// <param name="Level">"chapter", "heading" or "subheading".</param>
public sealed record HsEntryInfo(string Code, string Level, string DescriptionEn, string? DescriptionRu, bool ComtradeOnly);

/// <param name="Parents">From the chapter down to the direct parent.</param>
public sealed record HsEntryDetail(
    HsEntryInfo Entry,
    HsSectionInfo? Section,
    IReadOnlyList<HsEntryInfo> Parents,
    IReadOnlyList<HsEntryInfo> Children);

public sealed record HsSearchResult(string Query, string? Language, int Page, int PageSize, int Total, IReadOnlyList<HsEntryInfo> Items, string? Notice);
