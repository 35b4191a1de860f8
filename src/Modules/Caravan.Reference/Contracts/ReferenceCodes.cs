using System.Globalization;
using Caravan.Platform.Http;
using Caravan.Reference.Localization;

namespace Caravan.Reference.Contracts;

/// <summary>
/// Parsing of the codes users type: ISO 3166 country codes and HS codes. Each refusal says what is wrong,
/// so that an API client or a person at a search box can correct it.
/// </summary>
public static class ReferenceCodes
{
    /// <summary>The six member states, in the mechanism's usual order.</summary>
    public static readonly IReadOnlyList<string> MemberStates = ["CN", "KZ", "KG", "TJ", "TM", "UZ"];

    /// <summary>Accepts "KZ" or "kz"; refuses anything that is not two Latin letters.</summary>
    public static Parsed<string> ParseCountryCode(string? input)
    {
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Parsed<string>.Fail(ReferenceMessages.CountryRequired.With());
        }

        if (value.Length != 2 || !value.All(char.IsAsciiLetter))
        {
            return Parsed<string>.Fail(ReferenceMessages.CountryNotACode.With(Truncate(value), string.Join(", ", MemberStates)));
        }

        return Parsed<string>.Ok(value.ToUpperInvariant());
    }

    /// <summary>
    /// Accepts 2, 4 or 6 digits, with the usual dots or spaces ("5205.12", "5205 12"). National tariff lines
    /// (8–10 digits) are refused with a hint to use their first six digits.
    /// </summary>
    public static Parsed<string> ParseHsCode(string? input)
    {
        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<string>.Fail(ReferenceMessages.HsRequired.With());
        }

        if (raw.Length > 16)
        {
            return Parsed<string>.Fail(ReferenceMessages.HsTooLong.With(raw.Length.ToString(CultureInfo.InvariantCulture)));
        }

        var digits = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not ('.' or ' '))
            {
                return Parsed<string>.Fail(ReferenceMessages.HsCharacter.With(Truncate(raw), c.ToString(), (i + 1).ToString(CultureInfo.InvariantCulture)));
            }
        }

        var code = digits.ToString();
        return code.Length switch
        {
            2 or 4 or 6 => Parsed<string>.Ok(code),
            8 or 10 => Parsed<string>.Fail(ReferenceMessages.HsNationalLine.With(code, code.Length.ToString(CultureInfo.InvariantCulture), code[..6])),
            _ => Parsed<string>.Fail(ReferenceMessages.HsDigits.With(Truncate(raw), code.Length.ToString(CultureInfo.InvariantCulture))),
        };
    }

    private static readonly string[] SectionNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"];

    /// <summary>An HS section as people write it: 11 or XI. Null when it is neither.</summary>
    public static int? ParseHsSection(string? input)
    {
        var value = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length is > 0 and <= 3 && value.All(char.IsAsciiDigit))
        {
            return int.Parse(value, CultureInfo.InvariantCulture);
        }

        var index = Array.IndexOf(SectionNumerals, value);
        return index < 0 ? null : index + 1;
    }

    /// <summary>Echoes user input in a message without echoing a whole huge input back.</summary>
    public static string Truncate(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
