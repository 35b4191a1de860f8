using System.Collections.Frozen;
using System.Text;
using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Caravan.Trade.Domain;
using Caravan.Trade.Localization;

namespace Caravan.Trade.Contracts;

/// <summary>A UN/ECE Recommendation 21 package type.</summary>
/// <param name="IsBulk">Goods carried loose in bulk (VG, VL, VO, VQ, VR, VS, VY), for which no number of packages is given.</param>
public sealed record PackageTypeInfo(string Code, string Name, bool IsBulk);

/// <summary>
/// The kind of packages in a consignment, as UN/ECE Recommendation 21 codes (CT carton, PX pallet, BG bag, VR bulk
/// grains, NE unpacked, …). A modest selection of the recommendation's list is accepted; see
/// data/trade_unece_rec21_package_types.csv and data/PROVENANCE.md.
/// </summary>
public static class PackageTypes
{
    /// <summary>Every accepted package type.</summary>
    public static IReadOnlyList<PackageTypeInfo> All => Domain.UneceRec21.PackageTypes.Select(p => Find(p.Code)!).ToList();

    private const int MaxInputLength = 64;

    private static readonly FrozenDictionary<string, Rec21PackageType> ByCode =
        UneceRec21.PackageTypes.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Rec21PackageType> ByName =
        UneceRec21.PackageTypes.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations common on packing lists and bills of lading that are not Recommendation 21 codes.</summary>
    internal static readonly FrozenDictionary<string, string> TradeAbbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CTN"] = "CT",
        ["CTNS"] = "CT",
        ["CARTONS"] = "CT",
        ["PLT"] = "PX",
        ["PLTS"] = "PX",
        ["PALLETS"] = "PX",
        ["PKG"] = "PK",
        ["PKGS"] = "PK",
        ["PACKAGES"] = "PK",
        ["BAGS"] = "BG",
        ["BOXES"] = "BX",
        ["DRUMS"] = "DR",
        ["BULK"] = "VR, VL, VY, VO, VG, VQ or VS",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Accepts "CT" or "ct"; refuses anything that is not one of the accepted Recommendation 21 codes, naming the code probably meant.</summary>
    public static Parsed<string> Parse(string? input)
    {
        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<string>.Fail(TradeMessages.PackageRequired.With(TradeMessages.PackageExamples.With()));
        }

        if (raw.Length > MaxInputLength)
        {
            return Parsed<string>.Fail(TradeMessages.PackageTooLong.With(Count(raw.Length)));
        }

        var text = string.Join(' ', raw.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var code = text.ToUpperInvariant();

        if (ByCode.ContainsKey(code))
        {
            return Parsed<string>.Ok(code);
        }

        if (ByName.TryGetValue(text, out var byName))
        {
            return Parsed<string>.Fail(TradeMessages.PackageName.With(ReferenceCodes.Truncate(raw), byName.Code));
        }

        if (TradeAbbreviations.TryGetValue(code, out var meant))
        {
            return Parsed<string>.Fail(meant.Length == 2
                ? TradeMessages.PackageAbbreviation.With(ReferenceCodes.Truncate(raw), ByCode[meant].Name.ToLowerInvariant(), meant)
                : TradeMessages.PackageBulk.With(ReferenceCodes.Truncate(raw), meant));
        }

        if (UnitCodes.Find(code) is { } unit)
        {
            return Parsed<string>.Fail(TradeMessages.PackageIsUnit.With(code, unit.Name));
        }

        if (code.Length == 2 && code.All(char.IsAsciiLetterOrDigit))
        {
            return Parsed<string>.Fail(TradeMessages.PackageNotAccepted.With(code, TradeMessages.PackageExamples.With()));
        }

        return Parsed<string>.Fail(TradeMessages.PackageNotACode.With(ReferenceCodes.Truncate(raw), TradeMessages.PackageExamples.With()));
    }

    /// <summary>The package type with this code (exact, upper case), or null when it is not one of the accepted ones.</summary>
    public static PackageTypeInfo? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var type) ? new PackageTypeInfo(type.Code, type.Name, IsBulk(type)) : null;

    /// <summary>
    /// Recommendation 21 gives the bulk codes numeric codes of a single digit, 1 to 9 (VY 1, VR 2, VO 3, VL 4, VQ 5,
    /// VG 6, VS 9); every packed type has a two-digit code or range, and the unpacked ones 0.
    /// </summary>
    private static bool IsBulk(Rec21PackageType type) => type.NumericCode is [>= '1' and <= '9'];

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
