using System.Globalization;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;

namespace Caravan.Risk.Pages;

/// <summary>
/// What the risk pages share: which country the analyst works on (their own; any member state for platform-wide
/// holders), country names in the interface language, and times in the country's local time.
/// </summary>
internal sealed class RiskDisplay(ICountryDirectory countries)
{
    private IReadOnlyDictionary<string, CountryInfo> _countries = new Dictionary<string, CountryInfo>();

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        Languages.Chinese => Languages.Chinese,
        Languages.Russian => Languages.Russian,
        _ => Languages.English,
    };

    /// <summary>The countries whose risk management the caller holds <paramref name="permission"/> for.</summary>
    public static IReadOnlyList<string> CountriesOf(Caller caller, Permission permission) =>
        caller.HoldsPlatformWide(permission) ? ReferenceCodes.MemberStates.Order(StringComparer.Ordinal).ToList() : caller.CountriesFor(permission);

    /// <summary>The requested country when the caller may see it, else the caller's first; null when none.</summary>
    public static string? Choose(Caller caller, Permission permission, string? requested)
    {
        var mine = CountriesOf(caller, permission);
        return requested?.Trim().ToUpperInvariant() is { Length: > 0 } code && mine.Contains(code) ? code : mine.FirstOrDefault();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        _countries = (await countries.ListAsync(cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IReadOnlyList<string> MemberStates => ReferenceCodes.MemberStates.OrderBy(Country, StringComparer.CurrentCulture).ToList();

    public string Country(string? code) => code is not null && _countries.TryGetValue(code, out var c) ? c.NameIn(Language) : code ?? "—";

    /// <summary>An instant in the local time of the country's capital zone, with its UTC offset.</summary>
    public string LocalTime(DateTimeOffset at, string country)
    {
        var zone = _countries.TryGetValue(country, out var c) && TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
