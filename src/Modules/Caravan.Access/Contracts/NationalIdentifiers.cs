using System.Globalization;
using System.Text;
using Caravan.Platform.Http;

namespace Caravan.Access.Contracts;

/// <summary>
/// The national identifier a trader registers with, one scheme per member state, checked for its format and,
/// where the scheme has one, its check character. Each refusal says what is wrong and what is expected.
/// </summary>
/// <remarks>
/// <para>What is and is not checked, per country (sources are named next to each rule below):</para>
/// <list type="bullet">
/// <item><term>CN</term><description>Unified Social Credit Code (GB 32100-2015): 18 characters from
/// <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c>; positions 3–8 digits; the 18th character is the check character,
/// computed exactly. Not checked: the registration authority and organisation type codes (positions 1–2), whether
/// the division code names a real division, and the GB 11714 check character of the organisation code (position 17).
/// </description></item>
/// <item><term>KZ</term><description>BIN or IIN: 12 digits with the two-pass modulo-11 check digit. The 5th digit
/// must be 0–6: 4, 5 or 6 name the kind of legal entity in a BIN; 0–3 are the first digit of the day of birth in an
/// IIN, which sole proprietors register with. Not checked: dates inside the number, the 6th digit of a BIN.</description></item>
/// <item><term>KG</term><description>INN: 14 digits only. The meaning of the first digit (sex for individuals,
/// 0 for legal entities) could not be confirmed from a source and is not enforced; no check digit algorithm was found.</description></item>
/// <item><term>TJ</term><description>INN (РМА): 9 digits only; the scheme is said to end in validation digits, but
/// no algorithm was found, so none is checked.</description></item>
/// <item><term>TM</term><description>Taxpayer identification number: 12 digits only. The format was NOT confirmed
/// from any source; 12 digits is what the platform's brief specified.</description></item>
/// <item><term>UZ</term><description>INN (STIR): 9 digits only. The first-digit ranges for legal entities and
/// individuals could not be confirmed from a source and are not enforced; no check digit algorithm was found.</description></item>
/// </list>
/// </remarks>
public static class NationalIdentifiers
{
    /// <summary>The six member states whose identifiers are known here, in the mechanism's usual order.</summary>
    public static readonly IReadOnlyList<string> Countries = ["CN", "KZ", "KG", "TJ", "TM", "UZ"];

    // Anything longer is refused before it is looked at; the longest identifier, with separators, fits easily.
    private const int MaxInputLength = 64;

    // GB 32100-2015, table 1 (代码字符集): the 31 code characters and their values 0–30, in order. I, O, S, V and Z are
    // not used. Read from the standard's tables as reproduced in public copies (e.g. wddqw.com, renrendoc.com
    // "统一社会信用代码唯一性校验规则").
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015, table 2 (各位置序号上的加权因子): W_i = 3^(i-1) mod 31 for positions i = 1..17. The resulting check
    // was verified against published codes (Huawei, Shenzhen Tencent, and 29 of python-stdnum's codes "found online").
    // Known casualties: a few early pilot codes from Fujian (e.g. 91350100M0001TGQXM, per a comment in aarioai/id-rule)
    // were issued with check characters that do not follow the standard; they are refused like any mistyped code.
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // Kazakhstan: the check digit of an IIN or BIN is the weighted sum of the first 11 digits modulo 11 with weights
    // 1..11; if that is 10, the sum is taken again with weights 3..11, 1, 2; if still 10 the number is not used.
    // Public validators attribute this rule to the Government decree of 22 May 2007 No. 406 (Rules for forming an
    // identification number; valery1707/kaz-person-id links its adilet.zan.kz text) and to the OECD TIN sheet for
    // Kazakhstan; the decree's own text could not be read here. Verified against 56 BINs published as real numbers
    // "found online" in python-stdnum's tests/test_kz_bin.doctest: all 56 pass. A limit of the scheme: the 11th
    // digit's first-pass weight is 11 (0 modulo 11), so a mistyped 11th digit usually keeps the same check digit.
    private static readonly int[] KazakhWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] KazakhSecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private sealed record DigitScheme(string Name, string Noun, int Length);

    private static readonly Dictionary<string, DigitScheme> DigitSchemes = new(StringComparer.Ordinal)
    {
        // BIN, 12 digits (egov.kz "Business identification number" as quoted in python-stdnum issue 114, and
        // python-stdnum's stdnum/kz/bin.py; bcc.kz agrees on 4 and 6): YYMM of registration; kind of entity
        // (4 resident legal entity, 5 non-resident, 6 individual entrepreneur in joint entrepreneurship); a further
        // attribute (0 head office, 1 branch, 2 representative office, 3 peasant farm); 5-digit serial; check digit.
        // IIN, 12 digits (korgan-zan.kz, public validators): YYMMDD of birth, century and sex, serial, check digit.
        ["KZ"] = new("Business identification number (BIN)", "a Kazakh BIN or IIN", 12),

        // 14 digits: kgaccount.com ("a unique 14-digit code" for legal entities; its digit-by-digit breakdown adds up
        // to 13, so only the length is taken from it). f-chain.com: the personal identification number (PIN) "is used
        // as a TIN in the tax office". Nothing found confirms what the first digit means, so it is not checked.
        ["KG"] = new("Taxpayer identification number (INN)", "a Kyrgyz INN", 14),

        // 9 digits: org-id.guide list TJ-TIN ("TINs consist of 9 digits", example 020025789) and taxdo.com.
        ["TJ"] = new("Taxpayer identification number (INN)", "a Tajik INN", 9),

        // NOT confirmed from a source: no published format for Turkmenistan's taxpayer number was found.
        ["TM"] = new("Taxpayer identification number", "a Turkmen taxpayer identification number", 12),

        // 9 digits: the Central Bank's 1997 procedure for exchange contract numbers ("Part B contains 9 figures in
        // which the INN code is specified"), and published TINs (Dicloud LLC 310006777 on dicloud.uz; a director's
        // 624151850 in a help.crpt-turon.uz example). The INN system itself is Cabinet of Ministers resolution of
        // 11 March 1997 No. 130, whose text could not be read here. Since 2021 individuals are registered by their
        // 14-digit PINFL instead; that number is not accepted here.
        ["UZ"] = new("Taxpayer identification number (INN/STIR)", "an Uzbek INN (STIR)", 9),
    };

    private const string UsccName = "Unified Social Credit Code (USCC)";

    /// <summary>
    /// Normalises <paramref name="input"/> (trims; removes spaces and hyphens; folds full-width characters from
    /// Chinese input methods to ASCII; upper-cases USCC letters) and validates it for <paramref name="countryCode"/>.
    /// Returns the normalised identifier, or the reason it was refused.
    /// </summary>
    public static Parsed<string> Parse(string countryCode, string? input)
    {
        var country = NormaliseCountry(countryCode);
        if (country is null)
        {
            return Parsed<string>.Fail(UnknownCountry(countryCode));
        }

        var isChina = country == "CN";
        var noun = isChina ? "a Chinese Unified Social Credit Code" : DigitSchemes[country].Noun;
        var length = isChina ? 18 : DigitSchemes[country].Length;

        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<string>.Fail($"is required: {noun} of {Count(length)} {(isChina ? "characters" : "digits")}.");
        }

        if (raw.Length > MaxInputLength)
        {
            return Parsed<string>.Fail($"is {Count(raw.Length)} characters long; {noun} has {Count(length)} {(isChina ? "characters" : "digits")}.");
        }

        var value = Normalise(raw, upperCase: isChina);
        if (value.Length == 0)
        {
            return Parsed<string>.Fail($"is required: {noun} of {Count(length)} {(isChina ? "characters" : "digits")}.");
        }

        return isChina ? ParseUscc(value) : ParseDigits(country, DigitSchemes[country], value);
    }

    /// <summary>
    /// The name of the identifier scheme traders of <paramref name="countryCode"/> register with, e.g.
    /// "Unified Social Credit Code (USCC)". Throws <see cref="ArgumentException"/> for any other country.
    /// </summary>
    public static string SchemeName(string countryCode)
    {
        var country = NormaliseCountry(countryCode)
            ?? throw new ArgumentException(UnknownCountry(countryCode), nameof(countryCode));
        return country == "CN" ? UsccName : DigitSchemes[country].Name;
    }

    /// <summary>
    /// The GB 32100-2015 check character of a Unified Social Credit Code, from its first 17 characters:
    /// C18 = 31 − (Σ Ci × Wi mod 31), with 31 written as '0'.
    /// </summary>
    /// <exception cref="ArgumentException">Not 17 characters of the USCC alphabet (upper case).</exception>
    public static char UsccCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            throw new ArgumentException("A USCC check character is computed from exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var charValue = UsccAlphabet.IndexOf(first17[i]);
            if (charValue < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a USCC code character.", nameof(first17));
            }

            sum += charValue * UsccWeights[i];
        }

        return UsccAlphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// The check digit of a Kazakh BIN or IIN from its first 11 digits (two modulo-11 passes), or <c>null</c> when
    /// both passes give 10, which means no valid number starts with those digits.
    /// </summary>
    /// <exception cref="ArgumentException">Not 11 ASCII digits.</exception>
    public static int? KazakhCheckDigit(string first11)
    {
        ArgumentNullException.ThrowIfNull(first11);
        if (first11.Length != 11 || !first11.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A BIN or IIN check digit is computed from exactly 11 digits.", nameof(first11));
        }

        var digit = WeightedMod11(first11, KazakhWeights);
        if (digit == 10)
        {
            digit = WeightedMod11(first11, KazakhSecondWeights);
        }

        return digit == 10 ? null : digit;
    }

    private static Parsed<string> ParseUscc(string value)
    {
        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            position++;
            if (!rune.IsAscii || !char.IsAsciiLetterOrDigit((char)rune.Value))
            {
                return Parsed<string>.Fail($"'{Truncate(value)}' has '{rune}' at position {Count(position)}; a Unified Social Credit Code has only digits and capital Latin letters.");
            }

            var c = (char)rune.Value;
            if (c is 'I' or 'O' or 'S' or 'V' or 'Z')
            {
                var hint = c switch
                {
                    'I' => " If you meant the digit 1, type 1.",
                    'O' => " If you meant the digit 0, type 0.",
                    'S' => " If you meant the digit 5, type 5.",
                    'Z' => " If you meant the digit 2, type 2.",
                    _ => string.Empty,
                };
                return Parsed<string>.Fail($"'{Truncate(value)}' has the letter '{c}' at position {Count(position)}, which a Unified Social Credit Code never uses (it leaves out I, O, S, V and Z).{hint}");
            }
        }

        if (value.Length != 18)
        {
            return Parsed<string>.Fail($"'{Truncate(value)}' has {Count(value.Length)} characters; a Chinese Unified Social Credit Code has 18.");
        }

        // GB 32100-2015 structure: 1 registration authority code, 1 organisation type code, 6-digit administrative
        // division code of the registering authority (登记管理机关行政区划码, six Arabic digits), 9-character subject
        // identifier (organisation code), 1 check character.
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return Parsed<string>.Fail($"'{value}' has '{value[i]}' at position {Count(i + 1)}; positions 3 to 8 of a Unified Social Credit Code are a six-digit administrative division code.");
            }
        }

        var expected = UsccCheckCharacter(value[..17]);
        if (value[17] != expected)
        {
            return Parsed<string>.Fail($"In '{value}' the check character should be '{expected}', not '{value[17]}': the code is mistyped.");
        }

        return Parsed<string>.Ok(value);
    }

    private static Parsed<string> ParseDigits(string country, DigitScheme scheme, string value)
    {
        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            position++;
            if (!rune.IsAscii || !char.IsAsciiDigit((char)rune.Value))
            {
                return Parsed<string>.Fail($"'{Truncate(value)}' has '{rune}' at position {Count(position)}; {scheme.Noun} has only digits.");
            }
        }

        if (value.Length != scheme.Length)
        {
            return Parsed<string>.Fail($"'{Truncate(value)}' has {Count(value.Length)} digits; {scheme.Noun} has {Count(scheme.Length)}.");
        }

        return country == "KZ" ? ParseKazakh(value) : Parsed<string>.Ok(value);
    }

    private static Parsed<string> ParseKazakh(string value)
    {
        // The 5th digit is 4, 5 or 6 in a BIN (kind of legal entity) and 0–3 in an IIN (first digit of the day of
        // birth), so 7, 8 and 9 fit neither. The BIN-only rule (4–6) is not enforced: the same field takes the IINs
        // of sole proprietors, who have no BIN.
        if (value[4] is '7' or '8' or '9')
        {
            return Parsed<string>.Fail($"'{value}' has {value[4]} as its 5th digit; in a BIN it is 4, 5 or 6 (the kind of legal entity) and in an IIN 0 to 3 (the day of birth).");
        }

        var expected = KazakhCheckDigit(value[..11]);
        if (expected is null)
        {
            return Parsed<string>.Fail($"'{value}' cannot be a BIN or IIN: no check digit fits its first 11 digits, so the number is mistyped.");
        }

        var actual = value[11] - '0';
        if (actual != expected)
        {
            return Parsed<string>.Fail($"In '{value}' the check digit should be {Count(expected.Value)}, not {Count(actual)}: the number is mistyped.");
        }

        return Parsed<string>.Ok(value);
    }

    private static int WeightedMod11(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11;
    }

    private static string? NormaliseCountry(string? countryCode)
    {
        var code = countryCode?.Trim().ToUpperInvariant();
        return code is not null && Countries.Contains(code, StringComparer.Ordinal) ? code : null;
    }

    private static string UnknownCountry(string? countryCode)
    {
        var code = countryCode?.Trim();
        var what = string.IsNullOrEmpty(code) ? "No country was given" : $"'{Truncate(code)}' is not a member state";
        return $"{what}; national identifiers are known for CN (China), KZ (Kazakhstan), KG (Kyrgyzstan), TJ (Tajikistan), TM (Turkmenistan) and UZ (Uzbekistan).";
    }

    /// <summary>Full-width forms to ASCII (NFKC), then drops whitespace and hyphens/dashes used as separators.</summary>
    private static string Normalise(string raw, bool upperCase)
    {
        var text = raw.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212')
            {
                continue;
            }

            result.Append(upperCase ? char.ToUpperInvariant(c) : c);
        }

        return result.ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Echoes user input in a message without echoing a whole huge input back.</summary>
    private static string Truncate(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
