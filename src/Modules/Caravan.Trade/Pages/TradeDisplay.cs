using System.Globalization;
using Caravan.Reference.Contracts;

namespace Caravan.Trade.Pages;

/// <summary>
/// What the trade pages need to show codes as words: country names in the interface language, crossings by name,
/// and instants in the local time of the country where they happened (the way officers and traders read them).
/// </summary>
internal sealed class TradeDisplay(ICountryDirectory countries, IBorderCrossingDirectory crossings)
{
    private IReadOnlyDictionary<string, CountryInfo>? _countries;
    private IReadOnlyDictionary<string, BorderCrossingInfo>? _crossings;

    /// <summary>en, zh or ru: the interface language of this request as the reference data name it.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        Languages.Chinese => Languages.Chinese,
        Languages.Russian => Languages.Russian,
        _ => Languages.English,
    };

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _countries ??= (await countries.ListAsync(cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        _crossings ??= (await crossings.ListAsync(new BorderCrossingFilter(), cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<CountryInfo> MemberStates =>
        ReferenceCodes.MemberStates.Select(c => Countries.GetValueOrDefault(c)).OfType<CountryInfo>().OrderBy(c => c.NameIn(Language), StringComparer.CurrentCulture).ToList();

    public IReadOnlyList<BorderCrossingInfo> Crossings => CrossingTable.Values.ToList();

    public string Country(string? code) => code is not null && Countries.TryGetValue(code, out var c) ? c.NameIn(Language) : code ?? "—";

    public string Crossing(string? id) => id is not null && CrossingTable.TryGetValue(id, out var c) ? c.Name : id ?? "—";

    /// <summary>Open crossings joining two countries for the declaration's transport mode (road or rail; both when unknown).</summary>
    public IReadOnlyList<BorderCrossingInfo> CrossingsBetween(string? from, string? to, string? mode) =>
        from is null || to is null
            ? []
            : CrossingTable.Values.Where(c => c.Joins(from, to) && c.IsOpen && (mode is null || c.Mode == mode)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>An instant in the local time of a country, with its UTC offset (e.g. 2026-11-30 14:05 UTC+05:00).</summary>
    public string LocalTime(DateTimeOffset at, string? country)
    {
        var zoneId = country is not null && Countries.TryGetValue(country, out var c) ? c.TimeZone : "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
    }

    private IReadOnlyDictionary<string, CountryInfo> Countries => _countries ?? throw new InvalidOperationException("Call LoadAsync first.");

    private IReadOnlyDictionary<string, BorderCrossingInfo> CrossingTable => _crossings ?? throw new InvalidOperationException("Call LoadAsync first.");
}
