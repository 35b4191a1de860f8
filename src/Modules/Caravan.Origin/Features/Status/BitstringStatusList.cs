using System.Buffers.Text;
using System.IO.Compression;

namespace Caravan.Origin.Features.Trust;

/// <summary>
/// The bitstring of W3C Bitstring Status List v1.0: at least 131,072 entries (16 KiB) so that one certificate
/// cannot be told from the others by the list's size; index 0 is the most significant bit of the first byte; the
/// published form is the multibase (prefix "u") base64url encoding of the GZIP-compressed bits.
/// </summary>
internal static class BitstringStatusList
{
    public const int Entries = 131_072;

    public static byte[] Empty() => new byte[Entries / 8];

    public static bool Get(byte[] bits, int index) =>
        index >= 0 && index / 8 < bits.Length && (bits[index / 8] & (0x80 >> (index % 8))) != 0;

    public static void Set(byte[] bits, int index, bool value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index / 8, bits.Length);
        if (value)
        {
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }
        else
        {
            bits[index / 8] &= (byte)~(0x80 >> (index % 8));
        }
    }

    public static string Encode(byte[] bits)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bits);
        }

        return "u" + Base64Url.EncodeToString(output.ToArray());
    }

    public static byte[] Decode(string encodedList)
    {
        if (encodedList is not ['u', ..])
        {
            throw new FormatException("An encodedList is multibase base64url: it starts with 'u'.");
        }

        using var input = new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1)));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
