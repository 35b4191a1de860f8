namespace Caravan.Reference.Contracts;

/// <summary>The member states and their names.</summary>
public interface ICountryDirectory
{
    Task<IReadOnlyList<CountryInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <param name="code">An upper-case ISO 3166-1 alpha-2 code (see <see cref="ReferenceCodes.ParseCountryCode"/>).</param>
    Task<CountryInfo?> FindAsync(string code, CancellationToken cancellationToken = default);
}

/// <param name="Names">Name by language tag (en, zh-Hans, ru, kk, uz-Latn, uz-Cyrl, ky, tg, tk).</param>
public sealed record CountryInfo(
    string Code,
    string Iso3,
    string NumericCode,
    string Currency,
    string TimeZone,
    string? CustomsUnion,
    IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The name in an interface language (en, zh, ru), falling back to English.</summary>
    public string NameIn(string language)
    {
        var tag = language == Languages.Chinese ? "zh-Hans" : language;
        return Names.TryGetValue(tag, out var name) ? name : Names.GetValueOrDefault("en", Code);
    }
}
