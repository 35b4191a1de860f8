using System.Globalization;
using System.Text;
using QRCoder;

namespace Caravan.Origin.Rendering;

/// <summary>
/// QR codes of verification links, for the web page (inline SVG) and the PDF (the matrix, drawn as rectangles).
/// QRCoder does the encoding, at error correction level M; nothing here touches System.Drawing.
/// </summary>
internal static class QrCodes
{
    /// <summary>The light margin every reader expects around the symbol, in modules (ISO/IEC 18004).</summary>
    public const int QuietZone = 4;

    /// <summary>
    /// The dark modules of the symbol, <c>[row, column]</c>, without the quiet zone: the caller leaves
    /// <see cref="QuietZone"/> light modules on every side.
    /// </summary>
    /// <exception cref="QRCoder.Exceptions.DataTooLongException">The text does not fit in a QR code.</exception>
    public static bool[,] Matrix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        // QRCoder pads its matrix with its own quiet zone; the symbol of version v is 17 + 4v modules wide.
        var side = 17 + 4 * data.Version;
        var offset = (rows.Count - side) / 2;
        var matrix = new bool[side, side];
        for (var row = 0; row < side; row++)
        {
            for (var column = 0; column < side; column++)
            {
                matrix[row, column] = rows[row + offset][column + offset];
            }
        }
        return matrix;
    }

    /// <summary>
    /// An inline <c>&lt;svg&gt;</c> of the QR code of <paramref name="text"/>: one path of crisp unit squares on a
    /// white square with a quiet zone of four modules; it scales to whatever size the page gives it.
    /// </summary>
    public static string Svg(string text)
    {
        var matrix = Matrix(text);
        var side = matrix.GetLength(0);
        var size = side + 2 * QuietZone;
        var svg = new StringBuilder(256 + side * side);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{Attribute("QR code: " + text)}\" shape-rendering=\"crispEdges\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>");
        svg.Append("<path fill=\"#000\" d=\"");
        for (var row = 0; row < side; row++)
        {
            var column = 0;
            while (column < side)
            {
                if (!matrix[row, column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < side && matrix[row, column])
                {
                    column++;
                }
                // One rectangle per horizontal run of dark modules.
                var run = column - start;
                svg.Append(CultureInfo.InvariantCulture, $"M{start + QuietZone} {row + QuietZone}h{run}v1h-{run}z");
            }
        }
        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    /// <summary>The text as an XML attribute value: markup escaped, and what XML cannot hold at all replaced.</summary>
    private static string Attribute(string value)
    {
        var escaped = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                case < ' ' or '\uFFFE' or '\uFFFF': escaped.Append(' '); break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    escaped.Append(c).Append(value[++i]);
                    break;
                case var _ when char.IsSurrogate(c): escaped.Append('\uFFFD'); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}
