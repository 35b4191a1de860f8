using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Caravan.Trade.Domain;
using Caravan.Trade.Localization;

namespace Caravan.Trade.Contracts;

/// <summary>The modes of transport of UN/ECE Recommendation 19; each value is its one-digit code.</summary>
public enum TransportMode
{
    /// <summary>0: transport mode not specified.</summary>
    NotSpecified = 0,

    /// <summary>1: maritime transport.</summary>
    Maritime = 1,

    /// <summary>2: rail transport.</summary>
    Rail = 2,

    /// <summary>3: road transport.</summary>
    Road = 3,

    /// <summary>4: air transport.</summary>
    Air = 4,

    /// <summary>5: mail.</summary>
    Mail = 5,

    /// <summary>6: multimodal transport.</summary>
    Multimodal = 6,

    /// <summary>7: fixed transport installations (pipelines, power lines).</summary>
    FixedInstallation = 7,

    /// <summary>8: inland water transport.</summary>
    InlandWater = 8,

    /// <summary>9: transport mode not applicable.</summary>
    NotApplicable = 9,
}

/// <summary>
/// UN/ECE Recommendation 19 codes for modes of transport, as a declaration gives the mode at the border: the digit
/// ("2") or a word ("rail"). The reference data's border crossings are road or rail; <see cref="CrossingMode"/> maps
/// between the two.
/// </summary>
/// <param name="CrossingMode">The border crossings' mode for this transport mode ("road", "rail"), or null.</param>
public sealed record TransportModeInfo(string Code, string Name, string? CrossingMode);

public static class TransportModes
{
    /// <summary>Every Recommendation 19 mode.</summary>
    public static IReadOnlyList<TransportModeInfo> All => Enum.GetValues<TransportMode>().Select(m => new TransportModeInfo(Code(m), Name(m), CrossingMode(m))).ToList();

    private const int MaxInputLength = 64;

    private static readonly FrozenDictionary<TransportMode, string> Names =
        UneceRec19.Modes.ToFrozenDictionary(m => (TransportMode)m.Code, m => m.Name);

    /// <summary>
    /// Words accepted for each mode: the recommendation's names ("Rail transport") and the short words people use.
    /// Matching ignores case, and spaces, hyphens and underscores are taken as one space.
    /// </summary>
    private static readonly FrozenDictionary<string, TransportMode> Words = BuildWords();

    /// <summary>
    /// Accepts the digit ("2"), the recommendation's name ("Rail transport") or a short word ("rail", "road", "sea",
    /// "air", "post", "pipeline", "inland waterway"). Returns the mode, or the reason the input was refused.
    /// </summary>
    public static Parsed<TransportMode> Parse(string? input)
    {
        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<TransportMode>.Fail(TradeMessages.ModeRequired.With(TradeMessages.ModeChoiceList()));
        }

        if (raw.Length > MaxInputLength)
        {
            return Parsed<TransportMode>.Fail(TradeMessages.ModeTooLong.With(Count(raw.Length)));
        }

        var text = WordKey(raw);
        if (text is [>= '0' and <= '9'])
        {
            return Parsed<TransportMode>.Ok((TransportMode)(text[0] - '0'));
        }

        if (Words.TryGetValue(text, out var mode))
        {
            return Parsed<TransportMode>.Ok(mode);
        }

        if (text.All(char.IsAsciiDigit))
        {
            return Parsed<TransportMode>.Fail(TradeMessages.ModeDigits.With(ReferenceCodes.Truncate(raw), TradeMessages.ModeChoiceList()));
        }

        if (text == "unknown")
        {
            return Parsed<TransportMode>.Fail(TradeMessages.ModeUnknownWord.With());
        }

        return Parsed<TransportMode>.Fail(TradeMessages.ModeNotAMode.With(ReferenceCodes.Truncate(raw), TradeMessages.ModeChoiceList()));
    }

    /// <summary>The one-digit code, e.g. "2" for rail.</summary>
    public static string Code(TransportMode mode) => ((int)Known(mode)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The recommendation's name, e.g. "Rail transport".</summary>
    public static string Name(TransportMode mode) => Names[Known(mode)];

    /// <summary>
    /// The mode of a border crossing in the reference data (<see cref="BorderCrossingFilter.Modes"/>): "road" or
    /// "rail"; null for modes that cross at no road or rail post (sea, air, mail, pipelines, …).
    /// </summary>
    public static string? CrossingMode(TransportMode mode) => Known(mode) switch
    {
        TransportMode.Road => "road",
        TransportMode.Rail => "rail",
        _ => null,
    };

    private static TransportMode Known(TransportMode mode) =>
        Names.ContainsKey(mode) ? mode : throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a UN/ECE Recommendation 19 transport mode.");

    private static FrozenDictionary<string, TransportMode> BuildWords()
    {
        var words = new Dictionary<string, TransportMode>(StringComparer.Ordinal);
        foreach (var (code, name) in UneceRec19.Modes.Select(m => (m.Code, m.Name)))
        {
            words[WordKey(name)] = (TransportMode)code;
        }

        (string Word, TransportMode Mode)[] shortWords =
        [
            ("maritime", TransportMode.Maritime), ("sea", TransportMode.Maritime),
            ("rail", TransportMode.Rail), ("railway", TransportMode.Rail), ("train", TransportMode.Rail),
            ("road", TransportMode.Road), ("truck", TransportMode.Road), ("lorry", TransportMode.Road),
            ("air", TransportMode.Air),
            ("mail", TransportMode.Mail), ("post", TransportMode.Mail), ("postal", TransportMode.Mail),
            ("multimodal", TransportMode.Multimodal),
            ("fixed installation", TransportMode.FixedInstallation), ("fixed transport installation", TransportMode.FixedInstallation), ("pipeline", TransportMode.FixedInstallation),
            ("inland water", TransportMode.InlandWater), ("inland waterway", TransportMode.InlandWater), ("river", TransportMode.InlandWater),
            ("not specified", TransportMode.NotSpecified),
            ("not applicable", TransportMode.NotApplicable),
        ];
        foreach (var (word, mode) in shortWords)
        {
            words[word] = mode;
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Lower case, with runs of spaces, hyphens and underscores as one space.</summary>
    private static string WordKey(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).Trim())
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_')
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
            }
            else
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString().TrimEnd();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
