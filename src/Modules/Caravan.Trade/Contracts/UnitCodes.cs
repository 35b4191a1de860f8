using System.Collections.Frozen;
using System.Text;
using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Caravan.Trade.Domain;
using Caravan.Trade.Localization;

namespace Caravan.Trade.Contracts;

/// <summary>A UN/ECE Recommendation 20 unit of measure.</summary>
/// <param name="Symbol">The recommendation's symbol (kg, m³, kW·h), or null where it gives none (piece, pair).</param>
public sealed record UnitOfMeasureInfo(string Code, string Name, string? Symbol);

/// <summary>
/// Units of measure for the quantity of goods in a declaration, as UN/ECE Recommendation 20 codes (KGM, TNE, LTR,
/// H87, …). Only the units in the Trade module's list are accepted: the recommendation has some two thousand codes,
/// most of them for quantities no customs declaration counts goods in (Btu per hour, gray per second, …).
/// </summary>
/// <remarks>The list and its sources: data/trade_unece_rec20_units.csv and data/PROVENANCE.md.</remarks>
public static class UnitCodes
{
    /// <summary>Every unit accepted for a goods quantity.</summary>
    public static IReadOnlyList<UnitOfMeasureInfo> All => Domain.UneceRec20.Units.Select(u => Find(u.Code)!).ToList();

    private const int MaxInputLength = 64;

    private static readonly FrozenDictionary<string, Rec20Unit> ByCode =
        UneceRec20.Units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);

    /// <summary>
    /// Codes the recommendation has deprecated, with the code it says to use instead (Revision 17: NPR "number of
    /// pairs", status D, "use pair").
    /// </summary>
    internal static readonly FrozenDictionary<string, string> Deprecated = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NPR"] = "PR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Abbreviations common on invoices and packing lists that are not Recommendation 20 codes (or are codes for
    /// something else: KGS is kilogram per second, MT was "mat"), with the unit they are used for.
    /// </summary>
    internal static readonly FrozenDictionary<string, string> TradeAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PCS"] = "H87",
        ["PCE"] = "H87",
        ["PC"] = "H87",
        ["PIECES"] = "H87",
        ["ШТ"] = "H87",
        ["件"] = "H87",
        ["KGS"] = "KGM",
        ["КГ"] = "KGM",
        ["公斤"] = "KGM",
        ["千克"] = "KGM",
        ["MT"] = "TNE",
        ["TON"] = "TNE",
        ["TONS"] = "TNE",
        ["吨"] = "TNE",
        ["CBM"] = "MTQ",
        ["SQM"] = "MTK",
        ["LT"] = "LTR",
        ["LITER"] = "LTR",
        ["METER"] = "MTR",
        ["PRS"] = "PR",
        ["PAIRS"] = "PR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Rec20Unit> BySymbol = UneceRec20.Units
        .Where(u => u.Symbol is not null)
        .SelectMany(u => u.Symbol!.Split(" or ").Select(symbol => (Key: SymbolKey(symbol), Unit: u)))
        .ToFrozenDictionary(x => x.Key, x => x.Unit, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Rec20Unit> ByName =
        UneceRec20.Units.ToFrozenDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Accepts "KGM" or "kgm"; refuses anything that is not one of the accepted Recommendation 20 codes, naming the code probably meant.</summary>
    public static Parsed<string> Parse(string? input)
    {
        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<string>.Fail(TradeMessages.UnitRequired.With(TradeMessages.UnitExamples.With()));
        }

        if (raw.Length > MaxInputLength)
        {
            return Parsed<string>.Fail(TradeMessages.UnitTooLong.With(Count(raw.Length)));
        }

        var text = string.Join(' ', raw.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var code = text.ToUpperInvariant();

        if (ByCode.ContainsKey(code))
        {
            return Parsed<string>.Ok(code);
        }

        if (Deprecated.TryGetValue(code, out var replacement))
        {
            return Parsed<string>.Fail(TradeMessages.UnitDeprecated.With(code, replacement, ByCode[replacement].Name));
        }

        if (BySymbol.TryGetValue(SymbolKey(text), out var bySymbol))
        {
            return Parsed<string>.Fail(TradeMessages.UnitSymbol.With(ReferenceCodes.Truncate(raw), bySymbol.Name, bySymbol.Code));
        }

        if (ByName.TryGetValue(text, out var byName))
        {
            return Parsed<string>.Fail(TradeMessages.UnitName.With(ReferenceCodes.Truncate(raw), byName.Code));
        }

        if (TradeAbbreviations.TryGetValue(code, out var meant))
        {
            return Parsed<string>.Fail(TradeMessages.UnitAbbreviation.With(ReferenceCodes.Truncate(raw), ByCode[meant].Name, meant));
        }

        if (PackageTypes.Find(code) is { } package)
        {
            return Parsed<string>.Fail(TradeMessages.UnitIsPackage.With(code, package.Name, TradeMessages.UnitExamples.With()));
        }

        if (code.Length is 2 or 3 && code.All(char.IsAsciiLetterOrDigit))
        {
            return Parsed<string>.Fail(TradeMessages.UnitNotAccepted.With(code, TradeMessages.UnitExamples.With()));
        }

        return Parsed<string>.Fail(TradeMessages.UnitNotACode.With(ReferenceCodes.Truncate(raw), TradeMessages.UnitExamples.With()));
    }

    /// <summary>The unit with this code (exact, upper case), or null when it is not one of the accepted units.</summary>
    public static UnitOfMeasureInfo? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var unit) ? new UnitOfMeasureInfo(unit.Code, unit.Name, unit.Symbol) : null;

    /// <summary>Symbols as people type them: m3 for m³, kWh for kW·h.</summary>
    private static string SymbolKey(string symbol)
    {
        var key = new StringBuilder(symbol.Length);
        foreach (var c in symbol.Normalize(NormalizationForm.FormKC))
        {
            if (c is '·' or '.' or ' ')
            {
                continue;
            }

            key.Append(c);
        }

        return key.ToString();
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
