using System.Text.RegularExpressions;
using System.Xml.Linq;
using Caravan.Origin.Rendering;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Caravan.Origin.Tests.Rendering;

/// <summary>The QR code of a certificate, read back by an independent reader (ZXing).</summary>
public sealed partial class QrCodeTests
{
    [Fact]
    public void The_printed_QR_code_leads_to_the_verification_page()
    {
        Assert.Equal(Printed.Url, Scan(QrCodes.Matrix(Printed.Url)));
    }

    [Fact]
    public void The_QR_code_on_the_web_page_is_an_accessible_svg_with_a_view_box_and_quiet_zone()
    {
        var svg = XDocument.Parse(QrCodes.Svg(Printed.Url)).Root!;
        var side = QrCodes.Matrix(Printed.Url).GetLength(0);

        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
        Assert.Equal($"0 0 {side + 8} {side + 8}", (string?)svg.Attribute("viewBox"));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Contains(Printed.Url, (string?)svg.Attribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_QR_code_on_the_web_page_scans_to_the_same_link()
    {
        var svg = XDocument.Parse(QrCodes.Svg(Printed.Url)).Root!;
        var size = int.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var path = (string)svg.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!;

        // Each run of dark modules is drawn as "M<x> <y>h<n>v1h-<n>z".
        var dark = new bool[size, size];
        foreach (Match run in Runs().Matches(path))
        {
            var (x, y, n) = (int.Parse(run.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(run.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < n; i++)
            {
                dark[y, x + i] = true;
            }
        }

        Assert.Equal(Printed.Url, Scan(dark, quietZone: 0));
    }

    [Fact]
    public void A_link_with_markup_characters_keeps_the_svg_well_formed()
    {
        const string link = "https://caravan.example.org/verify?number=CO-1&lang=\"en\"<'x'>";

        var svg = XDocument.Parse(QrCodes.Svg(link)).Root!;

        Assert.Equal("QR code: " + link, (string?)svg.Attribute("aria-label"));
    }

    /// <summary>What a phone would read: the modules drawn eight pixels each on white, given to ZXing's QR reader.</summary>
    internal static string? Scan(bool[,] modules, int quietZone = QrCodes.QuietZone)
    {
        const int scale = 8;
        var side = modules.GetLength(0);
        var size = (side + 2 * quietZone) * scale;
        var pixels = new byte[size * size];
        Array.Fill(pixels, (byte)255);
        for (var row = 0; row < side; row++)
        {
            for (var column = 0; column < side; column++)
            {
                if (!modules[row, column])
                {
                    continue;
                }
                for (var dy = 0; dy < scale; dy++)
                {
                    var start = ((quietZone + row) * scale + dy) * size + (quietZone + column) * scale;
                    Array.Fill(pixels, (byte)0, start, scale);
                }
            }
        }
        var source = new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Runs();
}
