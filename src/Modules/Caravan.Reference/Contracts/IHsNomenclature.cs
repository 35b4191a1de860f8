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
    /// Ranked search of headings by the words traders use, in English, Russian and Chinese (a Lucene.NET index of
    /// the descriptions, the project's unofficial translations and its synonyms). A subheading that matches counts
    /// for its heading and is listed under it. <paramref name="language"/> (en, ru, zh) is the language of the
    /// query and of the highlighted text; when null it is detected from the script (Cyrillic: ru, Chinese: zh,
    /// otherwise en). English words match whatever the language. Digits search by code prefix, in code order.
    /// </summary>
    Task<HsSearchResult> SearchAsync(string query, string? language, int page, int pageSize, CancellationToken cancellationToken = default);
}

public sealed record HsSectionInfo(int Number, string Roman, string NameEn, string? NameRu, string FirstChapter, string LastChapter)
{
    /// <summary>The project's own Chinese name: unofficial.</summary>
    public string? NameZh { get; init; }
}

public sealed record HsSectionDetail(HsSectionInfo Section, IReadOnlyList<HsEntryInfo> Chapters);

/// <param name="Level">"chapter", "heading" or "subheading".</param>
public sealed record HsEntryInfo(string Code, string Level, string DescriptionEn, string? DescriptionRu, bool ComtradeOnly)
{
    /// <summary>True when <see cref="DescriptionRu"/> is the project's own translation (the TN VED source has no name here).</summary>
    public bool DescriptionRuUnofficial { get; init; }

    /// <summary>The project's own Chinese name, for chapters and headings: unofficial (no open official text exists).</summary>
    public string? DescriptionZh { get; init; }
}

/// <param name="Parents">From the chapter down to the direct parent.</param>
public sealed record HsEntryDetail(
    HsEntryInfo Entry,
    HsSectionInfo? Section,
    IReadOnlyList<HsEntryInfo> Parents,
    IReadOnlyList<HsEntryInfo> Children);

/// <param name="Language">The language asked for, or null.</param>
/// <param name="Items">Headings ranked by relevance (code prefix search: entries in code order).</param>
public sealed record HsSearchResult(string Query, string? Language, int Page, int PageSize, int Total, IReadOnlyList<HsSearchHit> Items, string? Notice)
{
    /// <summary>The language the query was read in: <see cref="Language"/>, or the one detected from its script.</summary>
    public string SearchLanguage { get; init; } = Languages.English;
}

/// <summary>One result: a heading (or, for a code search, any entry) with why it matched.</summary>
/// <param name="Rank">1 for the best result, across pages.</param>
/// <param name="Score">The relevance score (Lucene BM25, summed over the query's words); comparable within one search only.</param>
public sealed record HsSearchHit(string Code, string Level, string DescriptionEn, string? DescriptionRu, bool ComtradeOnly, int Rank, double Score)
{
    public bool DescriptionRuUnofficial { get; init; }

    public string? DescriptionZh { get; init; }

    /// <summary>Section › chapter › heading (› subheading), down to this entry.</summary>
    public IReadOnlyList<HsPathStep> Path { get; init; } = [];

    /// <summary>The texts that matched, with the matched words marked.</summary>
    public IReadOnlyList<HsHighlight> Highlights { get; init; } = [];

    /// <summary>The subheadings of this heading that matched too, best first (at most five).</summary>
    public IReadOnlyList<HsSearchHit> Subheadings { get; init; } = [];

    /// <summary>
    /// Explanatory notes for this position. Always null today: the HS Explanatory Notes are the WCO's and no open
    /// copy is loaded (data/PROVENANCE.md).
    /// </summary>
    public string? Notes { get; init; }

    /// <summary>True when one of the matched texts is the project's own (a translation or a synonym), not official.</summary>
    public bool MatchedUnofficial { get; init; }
}

/// <param name="Level">"section", "chapter", "heading" or "subheading".</param>
/// <param name="Code">The section's Roman numeral, or the code.</param>
public sealed record HsPathStep(string Level, string Code, string NameEn, string? NameRu, string? NameZh);

/// <summary>A matched text as HTML: escaped, with the matched words in &lt;mark&gt; … &lt;/mark&gt; and nothing else.</summary>
/// <param name="Code">The heading or subheading whose text this is.</param>
/// <param name="Source">"description" (the nomenclature's text) or "synonym" (words traders use, the project's own).</param>
/// <param name="Language">en, ru or zh.</param>
/// <param name="Unofficial">True for the project's own translations and synonyms.</param>
public sealed record HsHighlight(string Code, string Source, string Language, string Html, bool Unofficial);
