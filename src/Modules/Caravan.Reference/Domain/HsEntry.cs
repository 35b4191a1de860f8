namespace Caravan.Reference.Domain;

internal enum HsLevel
{
    Chapter = 2,
    Heading = 4,
    Subheading = 6,
}

/// <summary>A section of the Harmonized System (I–XXI).</summary>
internal sealed class HsSection
{
    public required int Number { get; set; }

    public required string Roman { get; set; }

    public required string NameEn { get; set; }

    public string? NameRu { get; set; }

    /// <summary>The project's own Chinese name (data/hs2022_names_zh.csv): unofficial.</summary>
    public string? NameZh { get; set; }
}

/// <summary>One position of the HS 2022 nomenclature: a chapter, heading or subheading.</summary>
internal sealed class HsEntry
{
    public required string Code { get; set; }

    public HsLevel Level { get; set; }

    public string? ParentCode { get; set; }

    public required string ChapterCode { get; set; }

    /// <summary>Null only for the UN Comtrade pseudo-codes 99, 9999, 999999.</summary>
    public int? SectionNumber { get; set; }

    public required string DescriptionEn { get; set; }

    /// <summary>From TN VED EAEU; present for all chapters and for 957 of 1,228 headings.</summary>
    public string? DescriptionRu { get; set; }

    /// <summary>
    /// True when <see cref="DescriptionRu"/> is the project's own translation (data/hs2022_names_ru_unofficial.csv),
    /// for a heading the TN VED source leaves out.
    /// </summary>
    public bool DescriptionRuUnofficial { get; set; }

    /// <summary>The project's own Chinese name (data/hs2022_names_zh.csv) for chapters and headings: always unofficial.</summary>
    public string? DescriptionZh { get; set; }

    /// <summary>Codes that UN Comtrade uses but the HS does not define.</summary>
    public bool ComtradeOnly { get; set; }

    /// <summary>
    /// Lower-cased descriptions, for a search that behaves the same on every provider (SQLite's lower() and LIKE
    /// know only ASCII, so Cyrillic is folded here, once, at import).
    /// </summary>
    public required string SearchEn { get; set; }

    public string? SearchRu { get; set; }
}

/// <summary>
/// Words traders use for the goods of one HS position in one language (data/hs2022_synonyms.csv): the project's own,
/// unofficial. Search matches them as it matches the descriptions; they are never shown as the description.
/// </summary>
internal sealed class HsSynonym
{
    public required string Code { get; set; }

    /// <summary>en, ru or zh.</summary>
    public required string Language { get; set; }

    /// <summary>Terms separated by "; ".</summary>
    public required string Terms { get; set; }
}
