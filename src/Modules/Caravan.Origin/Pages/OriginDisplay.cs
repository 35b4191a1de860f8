using System.Globalization;
using Caravan.Origin.Contracts;
using Caravan.Origin.Rendering;
using Caravan.Reference.Contracts;

namespace Caravan.Origin.Pages;

/// <summary>
/// What the certificate pages share to show codes as words: country names in the interface language, and instants in
/// the local time of the country they concern (the issuing body's), with the offset so that no one has to guess.
/// </summary>
internal sealed class OriginDisplay(ICountryDirectory countries)
{
    private IReadOnlyDictionary<string, CountryInfo>? _countries;

    /// <summary>en, zh or ru: the interface language of this request as the reference data name it.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        Languages.Chinese => Languages.Chinese,
        Languages.Russian => Languages.Russian,
        _ => Languages.English,
    };

    public async Task LoadAsync(CancellationToken cancellationToken) =>
        _countries ??= (await countries.ListAsync(cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>The member states by name in the interface language, to choose a country from.</summary>
    public IReadOnlyList<(string Code, string Name)> MemberStates =>
        ReferenceCodes.MemberStates.Select(c => (c, Country(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture).ToList();

    public string Country(string? code) => code is not null && Countries.TryGetValue(code, out var c) ? c.NameIn(Language) : code ?? "—";

    public TimeZoneInfo Zone(string? country) =>
        country is not null && Countries.TryGetValue(country, out var c) && TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>An instant in the local time of a country, with its UTC offset (e.g. 2026-11-30 14:05 UTC+05:00).</summary>
    public string LocalTime(DateTimeOffset at, string? country) =>
        TimeZoneInfo.ConvertTime(at, Zone(country)).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary>The day an instant falls on in a country (for dates of issue and validity on paper).</summary>
    public string LocalDate(DateTimeOffset at, string? country) =>
        TimeZoneInfo.ConvertTime(at, Zone(country)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The start of a day in a country's local time, as an instant.</summary>
    public DateTimeOffset StartOf(DateOnly day, string? country)
    {
        var zone = Zone(country);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A wall-clock time typed in a country's local time (datetime-local), as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local, string? country)
    {
        var zone = Zone(country);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>"UTC+05:00": the offset of a country's local time at an instant, for labels of time inputs.</summary>
    public string Offset(DateTimeOffset at, string? country) =>
        TimeZoneInfo.ConvertTime(at, Zone(country)).ToString("'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The criterion code of a printed criterion name (<see cref="CertificatePrinting.CriterionNames"/>) or of a
    /// code, so that the pages can say it in the reader's language; null for anything else.
    /// </summary>
    public static string? CriterionCode(string? printed) =>
        printed is null ? null
            : OriginCriteria.All.Contains(printed) ? printed
            : CertificatePrinting.CriterionNames.FirstOrDefault(kv => kv.Value == printed).Key;

    private IReadOnlyDictionary<string, CountryInfo> Countries => _countries ?? throw new InvalidOperationException("Call LoadAsync first.");
}
