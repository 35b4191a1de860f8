using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Caravan.Origin.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Caravan.Origin.Tests.Rendering;

/// <summary>The printed certificate, read back by an independent PDF reader (PdfPig).</summary>
public sealed partial class CertificatePdfTests
{
    [Fact]
    public void The_certificate_prints_on_one_A4_page()
    {
        using var pdf = PdfDocument.Open(CertificatePdf.Render(Printed.Certificate()));

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(595.28, page.Width, 0.01);
        Assert.Equal(841.89, page.Height, 0.01);
    }

    [Fact]
    public void The_printed_page_shows_the_number_the_parties_the_goods_and_the_verification_link()
    {
        var text = PageText(CertificatePdf.Render(Printed.Certificate()));

        Assert.Contains("CERTIFICATE OF ORIGIN", text, StringComparison.Ordinal);
        Assert.Contains("CO-EG-2025-000123", text, StringComparison.Ordinal);
        Assert.Contains("Delta Cotton Spinning Co.", text, StringComparison.Ordinal);
        Assert.Contains("Nordic Yarn Traders AB", text, StringComparison.Ordinal);
        Assert.Contains("Göteborg", text, StringComparison.Ordinal);
        Assert.Contains("5208.11", text, StringComparison.Ordinal);
        Assert.Contains("Sufficient processing", text, StringComparison.Ordinal);
        Assert.Contains("Alexandria Chamber of Commerce", text, StringComparison.Ordinal);
        Assert.Contains(Printed.Url, text, StringComparison.Ordinal);
        Assert.Contains("Scan or visit to verify this certificate", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printed_dates_are_in_UTC_with_the_status()
    {
        var text = PageText(CertificatePdf.Render(Printed.Certificate()));

        // Issued at 10:30 at UTC+2.
        Assert.Contains("2025-03-04 08:30 UTC", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-04 08:30 UTC", text, StringComparison.Ordinal);
        Assert.Contains("Valid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_comes_back_exactly_from_the_printed_pdf()
    {
        var token = Printed.Token();

        Assert.Equal(token, CertificatePdf.ExtractToken(CertificatePdf.Render(Printed.Certificate(token: token))));
    }

    [Fact]
    public void The_pdf_carries_the_credential_as_an_attachment_and_in_its_document_information()
    {
        var token = Printed.Token();
        using var pdf = PdfDocument.Open(CertificatePdf.Render(Printed.Certificate(token: token)));

        Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
        var file = Assert.Single(files);
        Assert.Equal("certificate.jwt", file.Name);
        Assert.Equal(token, Encoding.UTF8.GetString(file.Bytes));
        Assert.Equal("application/vc+jwt", ((NameToken)Assert.IsType<StreamToken>(file.Stream).StreamDictionary.Data["Subtype"]).Data);

        var information = Assert.IsType<DictionaryToken>(pdf.Information.DocumentInformationDictionary);
        Assert.Equal(token, ((StringToken)information.Data["CaravanCredential"]).Data);
    }

    [Fact]
    public void The_credential_is_still_found_when_a_tool_dropped_the_information_entry()
    {
        var token = Printed.Token();
        var bytes = CertificatePdf.Render(Printed.Certificate(token: token));
        var key = Encoding.ASCII.GetBytes("/CaravanCredential");
        var at = bytes.AsSpan().IndexOf(key);
        Encoding.ASCII.GetBytes("/SomethingElseXYZ!").CopyTo(bytes, at);

        Assert.Equal(token, CertificatePdf.ExtractToken(bytes));
    }

    [Fact]
    public void A_credential_rewritten_as_a_hex_string_is_read_too()
    {
        var token = Printed.Token(40);
        var pdf = Encoding.ASCII.GetBytes(
            $"%PDF-1.7\n9 0 obj\n<< /CaravanCredential <FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(token))}> >>\nendobj\n");

        Assert.Equal(token, CertificatePdf.ExtractToken(pdf));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1000)]
    [InlineData(3, 200_000)]
    public void Random_bytes_hold_no_credential(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);

        Assert.Null(CertificatePdf.ExtractToken(bytes));
    }

    [Theory]
    [InlineData("/CaravanCredential (")]
    [InlineData("/CaravanCredential (eyJ\\")]
    [InlineData("/CaravanCredential <FE")]
    [InlineData("/CaravanCredential (eyJa.b)")]
    [InlineData("x eyJhbGciOiJub25lIn0.e30. y")]
    [InlineData("eyJa.b.c.d")]
    public void Broken_or_token_like_text_is_not_taken_for_a_credential(string content)
    {
        Assert.Null(CertificatePdf.ExtractToken(Encoding.ASCII.GetBytes(content)));
    }

    [Fact]
    public void A_pdf_made_elsewhere_without_a_credential_holds_none()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("An invoice, not a certificate (eyJ is not enough)", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);

        Assert.Null(CertificatePdf.ExtractToken(builder.Build()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Hostile_uploads_are_searched_quickly_and_hold_no_credential()
    {
        var keys = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("/CaravanCredential (eyJ", 200_000)));
        var runs = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("eyJ", 1_000_000)) + ".a");

        var found = await Task.Run(() => (CertificatePdf.ExtractToken(keys), CertificatePdf.ExtractToken(runs)), TestContext.Current.CancellationToken);

        Assert.Equal((null, null), found);
    }

    [Fact]
    public void Names_with_parentheses_and_backslashes_print_as_written()
    {
        const string name = @"Smith \ Sons (Export) Ltd. :-) \\ (( ))";

        var text = PageText(CertificatePdf.Render(Printed.Certificate(exporterName: name)));

        Assert.Contains(name, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_the_standard_fonts_lack_print_as_question_marks()
    {
        var text = PageText(CertificatePdf.Render(Printed.Certificate(exporterName: "Ürümqi Textile 新疆 € “Ltd”")));

        Assert.Contains("Ürümqi Textile ?? € “Ltd”", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Goods_beyond_the_page_are_counted_and_left_to_the_electronic_certificate()
    {
        var items = Enumerable.Range(1, 80)
            .Select(i => new PrintedItem(i, "5205.12", $"Cotton yarn lot {i:D3}", "100 kg", "105 kg", "Wholly obtained", "Egypt"))
            .ToList();

        var bytes = CertificatePdf.Render(Printed.Certificate(items: items));
        var text = PageText(bytes);

        var shown = Enumerable.Range(1, 80).Where(i => text.Contains($"Cotton yarn lot {i:D3}", StringComparison.Ordinal)).ToList();
        Assert.InRange(shown.Count, 10, 79);
        Assert.Equal(Enumerable.Range(1, shown.Count), shown);
        Assert.Contains($"\u2026 and {80 - shown.Count} more items, see the electronic certificate", text, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        AssertWithinMargins(pdf.GetPage(1));
    }

    [Fact]
    public void Long_descriptions_are_wrapped_and_shortened_within_the_page()
    {
        var description = "Woven fabrics of cotton containing 85% or more by weight of cotton " +
            string.Join(' ', Enumerable.Range(1, 80).Select(i => "word" + i.ToString(CultureInfo.InvariantCulture))) + " LASTWORD";
        var link = "https://caravan.example.org/origin/verify/" + new string('A', 150);

        var bytes = CertificatePdf.Render(Printed.Certificate(
            items: [new PrintedItem(1, "5208.11", description, "3,000 m", "640 kg", "Sufficient processing", "Egypt")],
            url: link,
            exporterName: "An exporter whose registered name is far too long to fit on the two lines that the exporter box has room for, however small"));

        var text = PageText(bytes);
        Assert.Contains("Woven fabrics of cotton", text, StringComparison.Ordinal);
        Assert.Contains("\u2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LASTWORD", text, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(bytes);
        AssertWithinMargins(pdf.GetPage(1));
        Assert.Equal(link, QrCodeTests.Scan(QrCodes.Matrix(link)));
    }

    [Fact]
    public void The_cross_reference_table_points_at_every_object()
    {
        var bytes = CertificatePdf.Render(Printed.Certificate());
        var file = Encoding.Latin1.GetString(bytes);

        var startxref = int.Parse(StartXref().Match(file).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 10\n0000000000 65535 f \n", file[startxref..], StringComparison.Ordinal);
        var entries = XrefEntry().Matches(file[startxref..]);
        Assert.Equal(9, entries.Count);
        for (var number = 1; number <= entries.Count; number++)
        {
            var offset = int.Parse(entries[number - 1].Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj\n", file[offset..], StringComparison.Ordinal);
        }
        Assert.EndsWith("%%EOF\n", file, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_certificate_always_prints_the_same_bytes()
    {
        Assert.Equal(CertificatePdf.Render(Printed.Certificate()), CertificatePdf.Render(Printed.Certificate()));
    }

    /// <summary>The page's text in reading order, a line per printed line.</summary>
    private static string PageText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var page = Assert.Single(pdf.GetPages());
        // Letters with their spaces, grouped by baseline top to bottom, then left to right.
        return string.Join('\n', page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))));
    }

    private static void AssertWithinMargins(Page page)
    {
        foreach (var letter in page.Letters.Where(l => l.Value != " "))
        {
            Assert.InRange(letter.BoundingBox.Left, 39.5, page.Width - 39.5);
            Assert.InRange(letter.BoundingBox.Right, 39.5, page.Width - 39.5);
        }
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d{10}) 00000 n \n")]
    private static partial Regex XrefEntry();
}
