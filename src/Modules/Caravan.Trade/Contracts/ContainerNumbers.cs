using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Caravan.Platform.Http;
using Caravan.Platform.Localization;
using Caravan.Reference.Contracts;
using Caravan.Trade.Localization;

namespace Caravan.Trade.Contracts;

/// <summary>
/// Freight container identification as ISO 6346 sets it out and as it is painted on every container: a three-letter
/// owner code, the equipment category identifier, a six-digit serial number and a check digit, e.g. CSQU 305438 3.
/// Each refusal says which part is wrong and what is expected.
/// </summary>
/// <remarks>
/// Checked: the structure and the check digit. Not checked: whether the owner code is registered with the Bureau
/// International des Conteneurs (BIC), which keeps that register. Equipment categories other than U, J and Z (such
/// as those EN 13044 adds for swap bodies) are refused.
/// <para>The standard itself is sold by ISO; the rules here follow its public descriptions (the Wikipedia article
/// "ISO 6346" with its worked example CSQU 305438 3, and the check-digit documentation of integration tools such as
/// Lobster's "create ISO6346 check digit"), and were verified against published container numbers.</para>
/// </remarks>
public static class ContainerNumbers
{
    /// <summary>The equipment category identifiers of ISO 6346 and what each marks.</summary>
    public static readonly IReadOnlyDictionary<char, string> EquipmentCategories = new Dictionary<char, string>
    {
        ['U'] = "freight container",
        ['J'] = "detachable freight-container-related equipment",
        ['Z'] = "trailer or chassis",
    }.ToFrozenDictionary();

    // Anything longer is refused before it is looked at; a container number with separators fits easily.
    private const int MaxInputLength = 32;

    /// <summary>
    /// Normalises <paramref name="input"/> (trims; folds full-width characters to ASCII; removes spaces and hyphens;
    /// upper-cases) and validates it. Returns the 11-character number, or the reason it was refused.
    /// </summary>
    public static Parsed<string> Parse(string? input)
    {
        var raw = input?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Parsed<string>.Fail(TradeMessages.ContainerRequired.With());
        }

        if (raw.Length > MaxInputLength)
        {
            return Parsed<string>.Fail(TradeMessages.ContainerTooLong.With(Count(raw.Length)));
        }

        var value = Normalise(raw);
        if (value.Length == 0)
        {
            return Parsed<string>.Fail(TradeMessages.ContainerRequired.With());
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]))
            {
                return Parsed<string>.Fail(TradeMessages.ContainerCharacter.With(ReferenceCodes.Truncate(value), value[i].ToString(), Count(i + 1)));
            }
        }

        if (value.Length != 11)
        {
            return Parsed<string>.Fail(WrongLength(value));
        }

        var owner = value[..3];
        if (!owner.All(char.IsAsciiLetter))
        {
            return Parsed<string>.Fail(TradeMessages.ContainerOwner.With(value, owner));
        }

        var category = value[3];
        if (!EquipmentCategories.ContainsKey(category))
        {
            return Parsed<string>.Fail(TradeMessages.ContainerCategory.With(value, category.ToString()));
        }

        var serial = value[4..10];
        if (!serial.All(char.IsAsciiDigit))
        {
            return Parsed<string>.Fail(TradeMessages.ContainerSerial.With(value, serial));
        }

        if (!char.IsAsciiDigit(value[10]))
        {
            return Parsed<string>.Fail(TradeMessages.ContainerCheckCharacter.With(value, value[10].ToString()));
        }

        var expected = CheckDigit(value[..10]);
        var actual = value[10] - '0';
        if (actual != expected)
        {
            return Parsed<string>.Fail(TradeMessages.ContainerCheckDigit.With(value, Count(expected), Count(actual)));
        }

        return Parsed<string>.Ok(value);
    }

    /// <summary>
    /// The ISO 6346 check digit of the first ten characters of a container number (owner code, category, serial).
    /// Letters count from A = 10 upwards, skipping 11, 22 and 33 (so B = 12, L = 23, V = 34, Z = 38); digits count as
    /// themselves. The character at position i (0 to 9) is weighted by 2^i; the sum is taken modulo 11, and a result
    /// of 10 is written 0.
    /// </summary>
    /// <exception cref="ArgumentException">Not ten upper-case Latin letters and digits.</exception>
    public static int CheckDigit(string first10)
    {
        ArgumentNullException.ThrowIfNull(first10);
        if (first10.Length != 10)
        {
            throw new ArgumentException("A container check digit is computed from exactly 10 characters.", nameof(first10));
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var value = CharacterValue(first10[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{first10[i]}' at position {Count(i + 1)} is not an upper-case Latin letter or a digit.", nameof(first10));
            }

            sum += value << i;
        }

        return sum % 11 % 10;
    }

    /// <summary>ISO 6346 equivalent value of a character: digits as themselves, letters from A = 10 upwards leaving out 11, 22 and 33; -1 for anything else.</summary>
    internal static int CharacterValue(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return c - '0';
        }

        if (c is < 'A' or > 'Z')
        {
            return -1;
        }

        var value = 10;
        for (var letter = 'A'; letter < c; letter++)
        {
            value++;
            if (value % 11 == 0)
            {
                value++;
            }
        }

        return value;
    }

    private static Message WrongLength(string value)
    {
        if (value.Length == 10 && value[..4].All(char.IsAsciiLetter) && value[4..].All(char.IsAsciiDigit)
            && EquipmentCategories.ContainsKey(value[3]))
        {
            return TradeMessages.ContainerCheckDigitMissing.With(value, Count(CheckDigit(value)));
        }

        return TradeMessages.ContainerLength.With(ReferenceCodes.Truncate(value), Count(value.Length));
    }

    /// <summary>Full-width forms to ASCII (NFKC), drops whitespace and hyphens/dashes used as separators, upper-cases.</summary>
    private static string Normalise(string raw)
    {
        var text = raw.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212')
            {
                continue;
            }

            result.Append(char.ToUpperInvariant(c));
        }

        return result.ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
