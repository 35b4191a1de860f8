using System.Text;

namespace Caravan.Origin.Rendering;

/// <summary>
/// Text for the standard Type 1 fonts Helvetica and Helvetica-Bold in WinAnsiEncoding (PDF 32000-1, annex D), which
/// every PDF reader has without anything embedded.
/// </summary>
/// <remarks>
/// The limitation: WinAnsiEncoding holds Latin-1 and a few more characters (€, dashes, curly quotes, Œ, Š, Ž…), so
/// Greek, Cyrillic, Arabic, CJK and the like print as '?'. The web page of the certificate shows full Unicode, and
/// the signed credential carried in the PDF keeps every name exactly; only the printed text is reduced.
/// </remarks>
internal static class WinAnsi
{
    /// <summary>The WinAnsi code of the horizontal ellipsis, used when text is shortened.</summary>
    public const char Ellipsis = '\u0085';

    /// <summary>
    /// The text as WinAnsi codes, one char per code (0–255): composed first (NFC), so that an 'e' with a combining
    /// accent prints as 'é'; white space becomes a plain space; whatever the encoding lacks becomes '?'.
    /// </summary>
    public static string Encode(string text)
    {
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var encoded = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            encoded.Append(Code(rune));
        }
        return encoded.ToString();
    }

    private static char Code(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0x20 and < 0x7F or >= 0xA0 and <= 0xFF)
        {
            return (char)value;
        }
        if (Rune.IsWhiteSpace(rune))
        {
            return ' ';
        }
        return value switch
        {
            0x20AC => '\u0080', // €
            0x201A => '\u0082', // ‚
            0x0192 => '\u0083', // ƒ
            0x201E => '\u0084', // „
            0x2026 => '\u0085', // …
            0x2020 => '\u0086', // †
            0x2021 => '\u0087', // ‡
            0x02C6 => '\u0088', // ˆ
            0x2030 => '\u0089', // ‰
            0x0160 => '\u008A', // Š
            0x2039 => '\u008B', // ‹
            0x0152 => '\u008C', // Œ
            0x017D => '\u008E', // Ž
            0x2018 => '\u0091', // ‘
            0x2019 => '\u0092', // ’
            0x201C => '\u0093', // “
            0x201D => '\u0094', // ”
            0x2022 => '\u0095', // •
            0x2013 => '\u0096', // –
            0x2014 => '\u0097', // —
            0x02DC => '\u0098', // ˜
            0x2122 => '\u0099', // ™
            0x0161 => '\u009A', // š
            0x203A => '\u009B', // ›
            0x0153 => '\u009C', // œ
            0x017E => '\u009E', // ž
            0x0178 => '\u009F', // Ÿ
            0x2010 or 0x2011 or 0x2012 or 0x2212 => '-',
            _ => '?',
        };
    }

    /// <summary>The width of WinAnsi-encoded text in points.</summary>
    public static double Width(ReadOnlySpan<char> encoded, bool bold, double size)
    {
        var widths = bold ? HelveticaBoldWidths : HelveticaWidths;
        var total = 0;
        foreach (var code in encoded)
        {
            total += code is >= ' ' and <= '\u00FF' ? widths[code - ' '] : widths['?' - ' '];
        }
        return total * size / 1000.0;
    }

    // Advance widths in 1/1000 em of the glyphs of WinAnsi codes 32–255, from Adobe's font metrics (AFM) of the
    // standard fonts; codes the encoding leaves undefined carry the bullet's width and are never written.
    private static readonly short[] HelveticaWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350, // 112
        556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128
        350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, // 144
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
        400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240
    ];

    private static readonly short[] HelveticaBoldWidths =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350, // 112
        556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128
        350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, // 144
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240
    ];
}
