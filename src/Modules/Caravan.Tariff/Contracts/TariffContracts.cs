using Caravan.Platform.Security;

namespace Caravan.Tariff.Contracts;

/// <summary>The Tariff module's permissions. Reading the portal is public.</summary>
public static class TariffPermissions
{
    /// <summary>Import tariff schedules, requirements and exchange rates (administrators; also `caravan tariffs import`).</summary>
    public static readonly Permission Import = new("tariff.import");
}

/// <summary>Which schedule a country applies: Kazakhstan and Kyrgyzstan the Eurasian Economic Union's common tariff.</summary>
public static class TariffSchedules
{
    public const string Eaeu = "EAEU";

    public static readonly IReadOnlyList<string> All = [Eaeu, "CN", "TJ", "TM", "UZ"];

    /// <summary>The members of the Eurasian Economic Union among (and beside) the platform's countries.</summary>
    public static readonly IReadOnlyList<string> EaeuMembers = ["AM", "BY", "KG", "KZ", "RU"];

    /// <summary>The schedule a country's customs apply, or null for a country the platform has no schedule for.</summary>
    public static string? ForCountry(string? country) => country?.ToUpperInvariant() switch
    {
        "KZ" or "KG" => Eaeu,
        "CN" or "TJ" or "TM" or "UZ" => country.ToUpperInvariant(),
        _ => null,
    };

    /// <summary>Accepts a schedule code or a country code ("KZ" → EAEU).</summary>
    public static string? Parse(string? value) =>
        value?.Trim().ToUpperInvariant() is { } v && All.Contains(v) ? v : ForCountry(value?.Trim());
}

/// <summary>The kinds of requirement, each also the document type a declaration attaches to meet it.</summary>
public static class RequirementKinds
{
    public const string Phytosanitary = "phytosanitary-certificate";
    public const string Veterinary = "veterinary-certificate";
    public const string Licence = "licence";
    public const string Conformity = "conformity-certificate";
    public const string CertificateOfOrigin = "certificate-of-origin";

    public static readonly IReadOnlyList<string> All = [Phytosanitary, Veterinary, Licence, Conformity, CertificateOfOrigin];
}

/// <summary>One line of a national tariff schedule, valid over a period.</summary>
/// <param name="Compound">For a line with both duties: higher, lower or sum.</param>
/// <param name="VatPercent">The VAT of the schedule's country; for a union, where <paramref name="VatByCountry"/> has no rate.</param>
/// <param name="Illustrative">From a sample file: not legal data.</param>
public sealed record TariffLineView(
    string Schedule,
    string Line,
    string Description,
    decimal? AdValoremPercent,
    decimal? SpecificAmount,
    string? SpecificCurrency,
    string? SpecificUnit,
    string? Compound,
    decimal VatPercent,
    IReadOnlyDictionary<string, decimal> VatByCountry,
    bool Excise,
    string LegalSource,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    bool Illustrative)
{
    /// <summary>"5%", "0.1 EUR/KGM", "5%, not less than 0.1 EUR/KGM".</summary>
    public string Duty => (AdValoremPercent, SpecificAmount) switch
    {
        ({ } a, null) => $"{a.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%",
        (null, { } s) => $"{s.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} {SpecificCurrency}/{SpecificUnit}",
        ({ } a, { } s) => $"{a.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% {(Compound switch { "higher" => "but not less than", "lower" => "but not more than", _ => "plus" })} {s.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} {SpecificCurrency}/{SpecificUnit}",
        _ => "free",
    };
}

/// <param name="Direction">import, export or transit.</param>
/// <param name="HsFrom">First HS code (2–10 digits) of the range; a code matches if it starts with one in the range.</param>
public sealed record RequirementView(
    Guid Id,
    string Country,
    string Direction,
    string HsFrom,
    string HsTo,
    string Kind,
    string Title,
    string LegalSource,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    bool Illustrative)
{
    /// <summary>Whether a code (6–10 digits) falls in the range, compared on as many digits as each bound has.</summary>
    public bool Covers(string code) => Covers(HsFrom, HsTo, code);

    internal static bool Covers(string from, string to, string code) =>
        string.CompareOrdinal(Pad(code, from.Length), from) >= 0 && string.CompareOrdinal(Pad(code, to.Length), to) <= 0;

    private static string Pad(string code, int length) => code.Length >= length ? code[..length] : code.PadRight(length, '0');
}

public sealed record ExchangeRateView(string Currency, string QuoteCurrency, DateOnly Date, decimal Rate, string Source, bool Illustrative);

/// <summary>What a heading looks like on the portal: each country's lines under it and its requirements.</summary>
public sealed record HeadingTariffs(string Code, IReadOnlyList<CountryTariff> Countries);

/// <param name="Schedule">The schedule the country applies (EAEU for KZ and KG).</param>
public sealed record CountryTariff(string Country, string? Schedule, IReadOnlyList<TariffLineView> Lines, IReadOnlyList<RequirementView> Requirements);

/// <summary>The documents a control's country requires for some goods, which a trader should attach.</summary>
public interface IRequirementsDirectory
{
    Task<IReadOnlyList<RequirementView>> ForGoodsAsync(string country, string direction, IReadOnlyList<string> hsCodes, DateOnly date, CancellationToken cancellationToken = default);
}

/// <summary>One file imported, or refused with every error by line and column (nothing imported then).</summary>
public sealed record TariffImportResult(string File, string Kind, bool Imported, int Rows, int Added, int Updated, int Unchanged, int Closed, IReadOnlyList<TariffImportError> Errors);

/// <param name="Column">The column's name, and its position from 1.</param>
public sealed record TariffImportError(int Line, string? Column, int? ColumnNumber, string Reason)
{
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column {ColumnNumber} ({Column}): {Reason}";
}

/// <summary>Imports tariff schedules, requirements and exchange rates from the documented CSV formats (docs/tariff-import.md).</summary>
public interface ITariffImport
{
    Task<TariffImportResult> ImportAsync(string path, string importedBy, CancellationToken cancellationToken = default);

    Task<TariffImportResult> ImportAsync(string text, string file, string importedBy, CancellationToken cancellationToken = default);
}

/// <summary>A duty and tax calculation request.</summary>
/// <param name="HsCode">The national tariff line (8–10 digits), or the HS subheading (6) when the schedule has one line under it.</param>
/// <param name="ValuationBasis">CIF (the customs value in the six countries) or FOB, EXW … (freight and insurance must then be added).</param>
/// <param name="Date">The day the duties are due for (default today): the line and exchange rates valid then are used.</param>
public sealed record CalculationRequest(
    string? HsCode,
    string? Origin,
    string? Destination,
    decimal? CustomsValue,
    string? Currency,
    string? ValuationBasis,
    decimal? Quantity,
    string? Unit,
    DateOnly? Date);

/// <param name="Kind">import-duty, excise or vat.</param>
/// <param name="Amount">In the national currency; null when it cannot be computed here (explained).</param>
public sealed record CalculatedCharge(string Kind, string Rule, decimal? Base, decimal? Amount, string Explanation);

public sealed record CalculationResult(
    string Schedule,
    TariffLineView Line,
    DateOnly Date,
    string NationalCurrency,
    decimal CustomsValue,
    IReadOnlyList<ExchangeRateView> RatesUsed,
    IReadOnlyList<CalculatedCharge> Charges,
    decimal Total,
    IReadOnlyList<string> Notes,
    bool Illustrative);
