using System.Collections.Frozen;
using System.Text;
using Caravan.Platform.Http;
using Caravan.Platform.Localization;
using Caravan.Reference.Contracts;
using Caravan.Trade.Domain;
using Caravan.Trade.Localization;

namespace Caravan.Trade.Contracts;

/// <summary>An ISO 4217 currency: its alphabetic and numeric codes, the decimals of its minor unit and its ISO name.</summary>
/// <param name="Numeric">The three-digit numeric code with its leading zeros, e.g. "008".</param>
/// <param name="MinorUnit">How many decimals an amount in the currency has: 2 for CNY, 0 for JPY, 3 for KWD.</param>
public sealed record CurrencyInfo(string Code, string Numeric, int MinorUnit, string Name);

/// <summary>
/// ISO 4217 alphabetic currency codes, as a declaration's invoice and customs values are given in. Only currencies are
/// accepted: the fund codes (CLF, BOV, …) and the special codes (XAU gold, XDR, XTS testing, XXX no currency) are
/// refused with what they are. Refusals name the code that was probably meant.
/// </summary>
/// <remarks>The table is <see cref="Edition"/>; data/trade_iso4217_currencies.csv and data/PROVENANCE.md say where it comes from.</remarks>
public static class CurrencyCodes
{
    /// <summary>Every current currency, for pickers and for national systems building declarations.</summary>
    public static IReadOnlyList<CurrencyInfo> All { get; } = Iso4217.Entries
        .Where(e => e.Kind == Iso4217Kind.Currency && e.MinorUnit is not null)
        .Select(e => new CurrencyInfo(e.Code, e.Numeric, e.MinorUnit!.Value, e.Name))
        .ToList();

    /// <summary>The currencies of the six member states, in the mechanism's usual order (data/countries.csv).</summary>
    public static readonly IReadOnlyList<string> MemberStateCurrencies = ["CNY", "KZT", "KGS", "TJS", "TMT", "UZS"];

    /// <summary>Which state of ISO 4217 the table reflects.</summary>
    public const string Edition = Iso4217.Edition;

    private const int MaxInputLength = 64;

    private static readonly FrozenDictionary<string, Iso4217Entry> ByCode =
        Iso4217.Entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Iso4217Entry> CurrencyByNumeric = Iso4217.Entries
        .Where(e => e.Kind == Iso4217Kind.Currency)
        .ToFrozenDictionary(e => e.Numeric, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> CurrencyCodesByName = Iso4217.Entries
        .Where(e => e.Kind == Iso4217Kind.Currency)
        .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Code).Order(StringComparer.Ordinal).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Things people type for a currency that are not ISO 4217 codes, and what to say. The codes of the member states
    /// are from data/countries.csv; RMB and CNH are the usual market abbreviations of the yuan (CNH for yuan traded
    /// offshore), neither of which ISO 4217 lists.
    /// </summary>
    internal static readonly FrozenDictionary<string, MessageTemplate> NotCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RMB"] = "'RMB' is not an ISO 4217 code; the Chinese yuan is CNY.",
        ["CNH"] = "'CNH' is not an ISO 4217 code (markets use it for yuan traded offshore); the Chinese yuan is CNY.",
        ["YUAN"] = "'YUAN' is not an ISO 4217 code; the Chinese yuan is CNY.",
        ["RENMINBI"] = "'RENMINBI' is not an ISO 4217 code; the Chinese yuan (renminbi) is CNY.",
        ["CHN"] = "'CHN' is China's ISO 3166 country code, not a currency; China's currency is CNY.",
        ["KAZ"] = "'KAZ' is Kazakhstan's ISO 3166 country code, not a currency; Kazakhstan's currency is KZT.",
        ["KGZ"] = "'KGZ' is Kyrgyzstan's ISO 3166 country code, not a currency; Kyrgyzstan's currency is KGS.",
        ["TJK"] = "'TJK' is Tajikistan's ISO 3166 country code, not a currency; Tajikistan's currency is TJS.",
        ["TKM"] = "'TKM' is Turkmenistan's ISO 3166 country code, not a currency; Turkmenistan's currency is TMT.",
        ["UZB"] = "'UZB' is Uzbekistan's ISO 3166 country code, not a currency; Uzbekistan's currency is UZS.",
    }.ToFrozenDictionary(e => e.Key, e => TradeMessages.Catalog.Declare($"currency.not-code.{e.Key}", e.Value), StringComparer.Ordinal);

    /// <summary>
    /// Codes withdrawn from ISO 4217 that still turn up on invoices, with their successor. Table A.3 (historic
    /// denominations, as published 2018-08-20) for RUR, TJR, TMM, TRL, BYR, VEF, MRO, STD, EEK, LVL and LTL;
    /// the amendments named for the others.
    /// </summary>
    internal static readonly FrozenDictionary<string, (string Successor, MessageTemplate Why)> Withdrawn = new Dictionary<string, (string Successor, string Why)>(StringComparer.Ordinal)
    {
        ["BGN"] = ("EUR", "the Bulgarian lev was withdrawn when Bulgaria adopted the euro on 1 January 2026 (amendment 180)"),
        ["HRK"] = ("EUR", "the Croatian kuna was withdrawn when Croatia adopted the euro on 1 January 2023 (amendment 174)"),
        ["ANG"] = ("XCG", "the Netherlands Antillean guilder was replaced by the Caribbean guilder on 31 March 2025 (amendment 176)"),
        ["CUC"] = ("CUP", "the Cuban convertible peso was withdrawn (amendment 178)"),
        ["ZWL"] = ("ZWG", "the Zimbabwe dollar was replaced by Zimbabwe Gold on 25 June 2024 (amendment 177)"),
        ["SLL"] = ("SLE", "the old Sierra Leone leone was replaced by the redenominated leone (amendments 171, 172 and 175)"),
        ["RUR"] = ("RUB", "RUR, the Russian ruble code used before RUB, was withdrawn in 2004 (in the Central Asian states between 1993 and 1995)"),
        ["TJR"] = ("TJS", "the Tajik ruble was withdrawn in 2001"),
        ["TMM"] = ("TMT", "the old Turkmenistan manat was withdrawn in 2009"),
        ["TRL"] = ("TRY", "the old Turkish lira was withdrawn in 2005"),
        ["BYR"] = ("BYN", "the old Belarusian ruble was replaced by BYN from 1 July 2016 (amendment 161) and withdrawn in 2017"),
        ["VEF"] = ("VES", "the bolívar fuerte was withdrawn in 2018"),
        ["MRO"] = ("MRU", "the old ouguiya was withdrawn at the end of 2017"),
        ["STD"] = ("STN", "the old dobra was withdrawn at the end of 2017"),
        ["EEK"] = ("EUR", "the Estonian kroon was withdrawn when Estonia adopted the euro in 2011"),
        ["LVL"] = ("EUR", "the Latvian lats was withdrawn when Latvia adopted the euro in 2014"),
        ["LTL"] = ("EUR", "the Lithuanian litas was withdrawn when Lithuania adopted the euro in 2015"),
    }.ToFrozenDictionary(e => e.Key, e => (e.Value.Successor, TradeMessages.Catalog.Declare($"currency.withdrawn.{e.Key}", e.Value.Why)), StringComparer.Ordinal);

    /// <summary>Accepts "CNY" or "cny"; refuses anything that is not the alphabetic code of a current ISO 4217 currency.</summary>
    public static Parsed<string> Parse(string? input)
    {
        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<string>.Fail(TradeMessages.CurrencyRequired.With());
        }

        if (raw.Length > MaxInputLength)
        {
            return Parsed<string>.Fail(TradeMessages.CurrencyTooLong.With(Count(raw.Length)));
        }

        var text = CollapseWhitespace(raw.Normalize(NormalizationForm.FormKC));
        var code = text.ToUpperInvariant();

        if (ByCode.TryGetValue(code, out var entry))
        {
            return entry.Kind switch
            {
                Iso4217Kind.Currency => Parsed<string>.Ok(entry.Code),
                Iso4217Kind.Fund => Parsed<string>.Fail(TradeMessages.CurrencyFund.With(entry.Code, entry.Name)),
                _ => Parsed<string>.Fail(TradeMessages.CurrencySpecial.With(entry.Code, entry.Name)),
            };
        }

        if (NotCodes.TryGetValue(code, out var explanation))
        {
            return Parsed<string>.Fail(explanation.With());
        }

        if (Withdrawn.TryGetValue(code, out var withdrawn))
        {
            return Parsed<string>.Fail(TradeMessages.CurrencyWithdrawn.With(code, withdrawn.Why.With(), withdrawn.Successor, ByCode[withdrawn.Successor].Name));
        }

        if (CurrencyCodesByName.TryGetValue(text, out var named))
        {
            return Parsed<string>.Fail(named.Length == 1
                ? TradeMessages.CurrencyName.With(ReferenceCodes.Truncate(text), named[0])
                : TradeMessages.CurrencyNameOfSeveral.With(ReferenceCodes.Truncate(text), TradeMessages.AndList(named)));
        }

        if (code.Length == 3 && code.All(char.IsAsciiDigit) && CurrencyByNumeric.TryGetValue(code, out var numeric))
        {
            return Parsed<string>.Fail(TradeMessages.CurrencyNumeric.With(code, numeric.Name, numeric.Code));
        }

        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            return Parsed<string>.Fail(TradeMessages.CurrencyNotLetters.With(ReferenceCodes.Truncate(text)));
        }

        // Most codes start with the ISO 3166 code of the issuing country, so a near miss usually shares the first two letters.
        var sameCountry = Iso4217.Entries
            .Where(e => e.Kind == Iso4217Kind.Currency && e.Code.StartsWith(code[..2], StringComparison.Ordinal))
            .Select(e => $"{e.Code} ({e.Name})")
            .ToList();
        return Parsed<string>.Fail(sameCountry.Count > 0
            ? TradeMessages.CurrencyDidYouMean.With(code, TradeMessages.OrList(sameCountry))
            : TradeMessages.CurrencyUnknown.With(code, string.Join(", ", MemberStateCurrencies.Take(MemberStateCurrencies.Count - 1)), MemberStateCurrencies[^1]));
    }

    /// <summary>The currency with this alphabetic code (exact, upper case), or null when it is not a current currency.</summary>
    public static CurrencyInfo? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var entry) && entry is { Kind: Iso4217Kind.Currency, MinorUnit: { } minorUnit }
            ? new CurrencyInfo(entry.Code, entry.Numeric, minorUnit, entry.Name)
            : null;

    private static string CollapseWhitespace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
