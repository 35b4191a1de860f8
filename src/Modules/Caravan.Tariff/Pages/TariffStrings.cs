using System.Globalization;
using Caravan.Reference.Contracts;

namespace Caravan.Tariff.Pages;

/// <summary>Marker for the module's interface strings (kept with the host's, one catalogue per language).</summary>
internal sealed class TariffStrings;

/// <summary>Country names in the reader's language, loaded once per request.</summary>
internal sealed class TariffDisplay(ICountryDirectory countries)
{
    private IReadOnlyDictionary<string, CountryInfo> _countries = new Dictionary<string, CountryInfo>();

    public async Task LoadAsync(CancellationToken ct) => _countries = (await countries.ListAsync(ct)).ToDictionary(c => c.Code);

    public IReadOnlyCollection<CountryInfo> Countries => [.. _countries.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];

    public string Country(string? code) =>
        code is not null && _countries.TryGetValue(code, out var c) ? c.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) : code ?? string.Empty;

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.CurrentCulture);
}
