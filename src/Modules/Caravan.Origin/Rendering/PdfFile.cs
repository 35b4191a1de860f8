using System.Globalization;
using System.Text;

namespace Caravan.Origin.Rendering;

/// <summary>
/// Writes a PDF file object by object (PDF 32000-1:2008, section 7): the header, numbered indirect objects, the
/// cross-reference table with each object's byte offset, and the trailer. Everything but the header's binary
/// comment is ASCII, and streams are left uncompressed.
/// </summary>
internal sealed class PdfFile
{
    private readonly MemoryStream output = new();
    private readonly long[] offsets;

    public PdfFile(int objectCount)
    {
        offsets = new long[objectCount];
        Ascii("%PDF-1.7\n");
        // Bytes above 127 in a comment tell transfer programs the file is binary.
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    /// <summary>Indirect object <paramref name="number"/> (1-based) with the given body.</summary>
    public void Object(int number, string body)
    {
        Begin(number);
        Ascii(body);
        Ascii("\nendobj\n");
    }

    /// <summary>A stream object: its dictionary's other entries, then /Length and the bytes as they are.</summary>
    public void Stream(int number, string entries, ReadOnlySpan<byte> data)
    {
        Begin(number);
        Ascii(string.Create(CultureInfo.InvariantCulture, $"<< {entries}{(entries.Length > 0 ? " " : "")}/Length {data.Length} >>\nstream\n"));
        output.Write(data);
        Ascii("\nendstream\nendobj\n");
    }

    /// <summary>The cross-reference table and trailer; every object must have been written.</summary>
    public byte[] Finish(int root, int info, string id)
    {
        var xref = output.Position;
        var table = new StringBuilder(64 + 20 * offsets.Length);
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Length + 1}\n");
        // Each entry is exactly 20 bytes: ten digits of offset, five of generation, the type, space and newline.
        table.Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            if (offset == 0)
            {
                throw new InvalidOperationException("An object of the PDF was never written.");
            }
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        table.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {offsets.Length + 1} /Root {root} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        Ascii(table.ToString());
        return output.ToArray();
    }

    private void Begin(int number)
    {
        offsets[number - 1] = output.Position;
        Ascii(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n"));
    }

    private void Ascii(string text) => output.Write(Encoding.ASCII.GetBytes(text));
}

/// <summary>Numbers, strings and names in PDF syntax.</summary>
internal static class PdfSyntax
{
    /// <summary>A real number with at most three decimals, invariant and never in exponent form.</summary>
    public static string Number(double value) =>
        // Adding zero turns a negative zero into zero, which would otherwise print as "-0".
        (Math.Round(value, 3) + 0.0).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// A literal string of single-byte codes (each char 0–255, e.g. from <see cref="WinAnsi.Encode"/>): backslash and
    /// parentheses escaped, and every byte outside printable ASCII as an octal escape, so the file stays ASCII.
    /// </summary>
    public static string Literal(string codes)
    {
        var literal = new StringBuilder(codes.Length + 8);
        literal.Append('(');
        foreach (var c in codes)
        {
            switch (c)
            {
                case '\\' or '(' or ')':
                    literal.Append('\\').Append(c);
                    break;
                case >= ' ' and < '\u007F':
                    literal.Append(c);
                    break;
                default:
                    var code = c > '\u00FF' ? '?' : c;
                    literal.Append('\\').Append(Convert.ToString((int)code, 8).PadLeft(3, '0'));
                    break;
            }
        }
        return literal.Append(')').ToString();
    }

    /// <summary>
    /// A text string for metadata (document information, file names): a literal if it is printable ASCII, otherwise
    /// UTF-16BE with its byte order mark as a hex string, which keeps every character.
    /// </summary>
    public static string Text(string text)
    {
        if (text.All(c => c is >= ' ' and < '\u007F'))
        {
            return Literal(text);
        }
        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
    }
}
