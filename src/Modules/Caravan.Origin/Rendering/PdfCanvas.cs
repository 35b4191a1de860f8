using System.Globalization;
using System.Text;

namespace Caravan.Origin.Rendering;

/// <summary>
/// The content stream of one page, addressed the way the layout thinks: x from the left edge and y ("top") down
/// from the top edge, in points. Text is WinAnsi-encoded (<see cref="WinAnsi.Encode"/>) in Helvetica (/F1) or
/// Helvetica-Bold (/F2).
/// </summary>
internal sealed class PdfCanvas(double pageHeight)
{
    private readonly StringBuilder content = new();

    /// <summary>Text whose baseline is <paramref name="baseline"/> points below the top of the page.</summary>
    public void Text(double x, double baseline, string encoded, bool bold, double size, double gray = 0)
    {
        if (encoded.Length == 0)
        {
            return;
        }
        content.Append(CultureInfo.InvariantCulture,
            $"BT {Gray(gray)} g /{(bold ? "F2" : "F1")} {N(size)} Tf 1 0 0 1 {N(x)} {N(pageHeight - baseline)} Tm {PdfSyntax.Literal(encoded)} Tj ET\n");
    }

    public void TextCentred(double centre, double baseline, string encoded, bool bold, double size, double gray = 0) =>
        Text(centre - WinAnsi.Width(encoded, bold, size) / 2, baseline, encoded, bold, size, gray);

    /// <summary>The outline of a rectangle.</summary>
    public void Frame(double x, double top, double width, double height, double lineWidth = 0.8, double gray = 0) =>
        content.Append(CultureInfo.InvariantCulture,
            $"{Gray(gray)} G {N(lineWidth)} w {N(x)} {N(pageHeight - top - height)} {N(width)} {N(height)} re S\n");

    public void Line(double x1, double top1, double x2, double top2, double lineWidth = 0.5, double gray = 0) =>
        content.Append(CultureInfo.InvariantCulture,
            $"{Gray(gray)} G {N(lineWidth)} w {N(x1)} {N(pageHeight - top1)} m {N(x2)} {N(pageHeight - top2)} l S\n");

    public void Fill(double x, double top, double width, double height, double gray) =>
        content.Append(CultureInfo.InvariantCulture,
            $"{Gray(gray)} g {N(x)} {N(pageHeight - top - height)} {N(width)} {N(height)} re f\n");

    /// <summary>
    /// A QR code filling a square of <paramref name="size"/> points, quiet zone included: one filled rectangle per
    /// horizontal run of dark modules, all filled at once.
    /// </summary>
    public void QrCode(bool[,] modules, double x, double top, double size)
    {
        var side = modules.GetLength(0);
        var module = size / (side + 2 * QrCodes.QuietZone);
        var left = x + QrCodes.QuietZone * module;
        var upper = top + QrCodes.QuietZone * module;
        content.Append("0 g\n");
        for (var row = 0; row < side; row++)
        {
            var column = 0;
            while (column < side)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < side && modules[row, column])
                {
                    column++;
                }
                content.Append(CultureInfo.InvariantCulture,
                    $"{N(left + start * module)} {N(pageHeight - upper - (row + 1) * module)} {N((column - start) * module)} {N(module)} re\n");
            }
        }
        content.Append("f\n");
    }

    public byte[] ToBytes() => Encoding.ASCII.GetBytes(content.ToString());

    private static string N(double value) => PdfSyntax.Number(value);

    private static string Gray(double gray) => PdfSyntax.Number(gray);
}
