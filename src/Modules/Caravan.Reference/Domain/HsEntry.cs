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

    /// <summary>Codes that UN Comtrade uses but the HS does not define.</summary>
    public bool ComtradeOnly { get; set; }

    /// <summary>
    /// Lower-cased descriptions, for a search that behaves the same on every provider (SQLite's lower() and LIKE
    /// know only ASCII, so Cyrillic is folded here, once, at import).
    /// </summary>
    public required string SearchEn { get; set; }

    public string? SearchRu { get; set; }
}
