namespace Caravan.Reference.Domain;

/// <summary>A member state of the China–Central Asia mechanism.</summary>
internal sealed class Country
{
    public required string Code { get; set; }

    public required string Iso3 { get; set; }

    public required string NumericCode { get; set; }

    public required string Currency { get; set; }

    /// <summary>IANA zone of the country's border posts; times at a crossing are shown in it.</summary>
    public required string TimeZone { get; set; }

    public string? CustomsUnion { get; set; }

    public List<CountryName> Names { get; set; } = [];
}

/// <summary>The country's name in one language (BCP 47 tag: en, zh-Hans, ru, kk, uz-Latn, …).</summary>
internal sealed class CountryName
{
    public required string CountryCode { get; set; }

    public required string Language { get; set; }

    public required string Name { get; set; }
}
