using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Caravan.Origin.Rendering;

/// <summary>
/// The certificate of origin as a one-page A4 PDF, written by hand: the standard fonts Helvetica and Helvetica-Bold
/// (not embedded, so any reader on any machine shows it), uncompressed streams, and the signed credential inside,
/// so that the PDF itself can be uploaded and verified (<see cref="ExtractToken"/>).
/// </summary>
/// <remarks>
/// The fonts use WinAnsiEncoding, so characters outside it (Greek, Cyrillic, Arabic, CJK…) print as '?' (see
/// <see cref="WinAnsi"/>). The web page of the certificate shows full Unicode, and the token carried in the PDF keeps
/// every name exactly.
/// </remarks>
internal static class CertificatePdf
{
    /// <summary>The name of the attached credential.</summary>
    public const string AttachmentName = "certificate.jwt";

    /// <summary>The key in the document information dictionary that holds the credential.</summary>
    public const string InformationKey = "CaravanCredential";

    // A4 in points (210 × 297 mm), and the layout's margins.
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 40;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double Padding = 6;
    private const double LabelSize = 6.5;
    private const double LabelGray = 0.35;

    private const int CatalogObject = 1;
    private const int InformationObject = 9;

    public static byte[] Render(PrintedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var page = new PdfCanvas(PageHeight);
        Header(page, certificate);
        Goods(page, certificate.Items, top: 300, bottom: 604);
        Certification(page, certificate, top: 612, height: 178);
        page.TextCentred(PageWidth / 2, 804,
            Encode("This is a printed copy. The signed electronic certificate (" + AttachmentName + ") is attached to this file and is authoritative."),
            bold: false, size: 6.5, gray: LabelGray);

        var token = Encoding.UTF8.GetBytes(certificate.Token);
        var created = PdfDate(certificate.IssuedAt);
        var file = new PdfFile(objectCount: 9);
        file.Object(CatalogObject,
            $"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [{PdfSyntax.Literal(AttachmentName)} 7 0 R] >> >> /AF [7 0 R] /Lang (en) >>");
        file.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        file.Object(3,
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PdfSyntax.Number(PageWidth)} {PdfSyntax.Number(PageHeight)}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>");
        file.Object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        file.Object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        file.Stream(6, "", page.ToBytes());
        // The credential as an attachment (PDF 32000-1, 7.11.4): readers list it, and PDF/A-3 style tools find it by /AF.
        file.Object(7,
            $"<< /Type /Filespec /F {PdfSyntax.Literal(AttachmentName)} /UF {PdfSyntax.Literal(AttachmentName)} /Desc (Signed certificate of origin, W3C Verifiable Credential as compact JWS) /AFRelationship /Source /EF << /F 8 0 R /UF 8 0 R >> >>");
        // "application/vc+jwt" as a name: the slash written as #2F.
        file.Stream(8,
            string.Create(CultureInfo.InvariantCulture, $"/Type /EmbeddedFile /Subtype /application#2Fvc+jwt /Params << /Size {token.Length} /CreationDate {created} >>"),
            token);
        file.Object(InformationObject,
            $"<< /Title {PdfSyntax.Text("Certificate of origin " + certificate.Number)} /Author {PdfSyntax.Text(certificate.IssuerName)} /Subject (Certificate of origin) /Creator (Caravan) /Producer (Caravan) /CreationDate {created} /{InformationKey} {PdfSyntax.Literal(certificate.Token)} >>");
        return file.Finish(CatalogObject, InformationObject, DocumentId(token));
    }

    private static void Header(PdfCanvas page, PrintedCertificate certificate)
    {
        page.TextCentred(PageWidth / 2, 62, Encode("CERTIFICATE OF ORIGIN"), bold: true, size: 20);
        page.TextCentred(PageWidth / 2, 76,
            Encode("Issued electronically as a W3C Verifiable Credential signed by the issuing body"), bold: false, size: 8, gray: LabelGray);

        const double half = ContentWidth / 2;
        const double left = Margin;
        const double right = Margin + half;
        const double inner = half - 2 * Padding;

        Box(page, left, 88, half, 80, "1. Exporter (name, address)");
        Party(page, left, 88, 80, certificate.ExporterName, certificate.ExporterAddress);
        Box(page, right, 88, half, 80, "2. Certificate No.");
        page.Text(right + Padding, 116, TextLines.Shorten(Encode(certificate.Number), bold: true, size: 13, inner), bold: true, size: 13);
        Lines(page, right + Padding, 133, Block($"Issued by {certificate.IssuerName}, {certificate.IssuerCountry}", false, 8.5, inner, 3), false, 8.5, 10.2);

        Box(page, left, 168, half, 80, "3. Importer (name, address)");
        Party(page, left, 168, 80, certificate.ImporterName, certificate.ImporterAddress);
        Box(page, right, 168, half, 80, "4. Country of destination (consignee)");
        Lines(page, right + Padding, 192, Block(certificate.ConsigneeCountry, true, 10, inner, 2), true, 10, 12);

        Box(page, left, 248, half, 44, "5. Means of transport and route");
        Lines(page, left + Padding, 268, Block(certificate.Transport, false, 8.5, inner, 2), false, 8.5, 10.2);
        Box(page, right, 248, half, 44, "6. Status");
        Lines(page, right + Padding, 269, Block(certificate.Status, true, 10, inner, 2), true, 10, 12);
    }

    /// <summary>A name in bold over its address, as many lines of the address as the box holds.</summary>
    private static void Party(PdfCanvas page, double x, double top, double height, string name, string address)
    {
        const double width = ContentWidth / 2 - 2 * Padding;
        var names = Block(name, true, 9.5, width, 2);
        var baseline = top + 23;
        Lines(page, x + Padding, baseline, names, true, 9.5, 11.4);
        var first = baseline + (names.Count - 1) * 11.4 + 10.5;
        var room = (int)Math.Floor((top + height - 5 - first) / 10.2) + 1;
        if (room > 0)
        {
            Lines(page, x + Padding, first, Block(address, false, 8.5, width, room), false, 8.5, 10.2);
        }
    }

    /// <summary>
    /// The table of goods items from <paramref name="top"/> to <paramref name="bottom"/>: as many items as fit, then
    /// a line saying how many more the electronic certificate lists.
    /// </summary>
    private static void Goods(PdfCanvas page, IReadOnlyList<PrintedItem> items, double top, double bottom)
    {
        string[] headings = ["Item no.", "HS code", "Description of goods", "Quantity", "Gross mass", "Origin criterion", "Country of origin"];
        double[] widths = [28, 52, 169.28, 58, 58, 80, 70];
        int[] maxLines = [1, 2, 4, 3, 3, 3, 3];
        const double size = 8;
        const double leading = 9.6;
        const double moreHeight = 15;

        var columns = new double[widths.Length + 1];
        columns[0] = Margin;
        for (var i = 0; i < widths.Length; i++)
        {
            columns[i + 1] = columns[i] + widths[i];
        }

        Box(page, Margin, top, ContentWidth, bottom - top, "7. Goods items");
        var headerTop = top + 13;
        const double headerHeight = 20;
        page.Fill(Margin, headerTop, ContentWidth, headerHeight, 0.92);
        for (var i = 0; i < headings.Length; i++)
        {
            Lines(page, columns[i] + 3, headerTop + 8, TextLines.Wrap(Encode(headings[i]), true, 7, widths[i] - 6, 2), true, 7, 8.2);
        }
        page.Line(Margin, headerTop, Margin + ContentWidth, headerTop);
        page.Line(Margin, headerTop + headerHeight, Margin + ContentWidth, headerTop + headerHeight);

        var y = headerTop + headerHeight;
        var shown = 0;
        foreach (var item in items)
        {
            string[] cells = [item.Number.ToString(CultureInfo.InvariantCulture), item.HsCode, item.Description, item.Quantity, item.GrossMass, item.OriginCriterion, item.CountryOfOrigin];
            var lines = new IReadOnlyList<string>[cells.Length];
            var tallest = 1;
            for (var i = 0; i < cells.Length; i++)
            {
                lines[i] = Block(cells[i], false, size, widths[i] - 6, maxLines[i]);
                tallest = Math.Max(tallest, lines[i].Count);
            }
            var height = tallest * leading + 5;
            var later = items.Count - shown - 1;
            if (y + height + (later > 0 ? moreHeight : 0) > bottom)
            {
                break;
            }
            for (var i = 0; i < cells.Length; i++)
            {
                Lines(page, columns[i] + 3, y + 9.5, lines[i], false, size, leading);
            }
            y += height;
            shown++;
            if (shown < items.Count)
            {
                page.Line(Margin, y, Margin + ContentWidth, y, 0.3, 0.6);
            }
        }
        for (var i = 1; i < widths.Length; i++)
        {
            page.Line(columns[i], headerTop, columns[i], y);
        }
        page.Line(Margin, y, Margin + ContentWidth, y);

        if (items.Count == 0)
        {
            page.Text(Margin + Padding, y + 10.5, Encode("No goods items are listed."), bold: false, size: size);
        }
        else if (shown < items.Count)
        {
            var more = items.Count - shown;
            var sentence = more == 1
                ? "\u2026 and 1 more item, see the electronic certificate"
                : string.Create(CultureInfo.InvariantCulture, $"\u2026 and {more} more items, see the electronic certificate");
            page.Text(Margin + Padding, y + 10.5, Encode(sentence), bold: true, size: size);
        }
    }

    /// <summary>The issuing body's certification beside the QR code that leads to the verification page.</summary>
    private static void Certification(PdfCanvas page, PrintedCertificate certificate, double top, double height)
    {
        const double verificationWidth = 190;
        const double width = ContentWidth - verificationWidth;
        const double valueX = Margin + 86;
        const double valueWidth = width - 86 - Padding;

        Box(page, Margin, top, width, height, "8. Certification by the issuing body");
        Lines(page, Margin + Padding, top + 22,
            Block("It is hereby certified, on the basis of the evidence produced to the issuing body, that the goods described above originate in the country of origin shown against each item.",
                false, 8, width - 2 * Padding, 3),
            false, 8, 10);

        var baseline = top + 60;
        void Row(string label, string value, bool bold, int lines)
        {
            page.Text(Margin + Padding, baseline, Encode(label), bold: false, size: 7.5, gray: LabelGray);
            var wrapped = Block(value, bold, 9, valueWidth, lines);
            Lines(page, valueX, baseline, wrapped, bold, 9, 11);
            baseline += 11 * Math.Max(1, wrapped.Count) + 3;
        }
        Row("Issuing body", certificate.IssuerName, true, 2);
        Row("Country", certificate.IssuerCountry, false, 1);
        Row("Issued at", UtcDate(certificate.IssuedAt), false, 1);
        Row("Valid until", UtcDate(certificate.ValidUntil), false, 1);
        Row("Status", certificate.Status, true, 1);
        page.Text(Margin + Padding, top + height - 7,
            Encode("Signed electronically by the issuing body; no handwritten signature or stamp is required."),
            bold: false, size: 6.5, gray: LabelGray);

        const double x = Margin + width;
        Box(page, x, top, verificationWidth, height, "9. Verification");
        const double qrSize = 118;
        page.QrCode(QrCodes.Matrix(certificate.VerificationUrl), x + (verificationWidth - qrSize) / 2, top + 12, qrSize);
        var centre = x + verificationWidth / 2;
        var below = top + 12 + qrSize + 9;
        page.TextCentred(centre, below, Encode("Scan or visit to verify this certificate"), bold: false, size: 7.5);

        // The link on one line if a smaller size lets it fit; a very long one is broken where lines end.
        var url = Encode(certificate.VerificationUrl);
        const double urlWidth = verificationWidth - 2 * Padding;
        foreach (var size in (double[])[7, 6.5, 6, 5.5])
        {
            if (WinAnsi.Width(url, false, size) <= urlWidth)
            {
                page.TextCentred(centre, below + 10, url, bold: false, size: size);
                return;
            }
        }
        var lines = TextLines.Wrap(url, false, 5.5, urlWidth, 3);
        for (var i = 0; i < lines.Count; i++)
        {
            page.TextCentred(centre, below + 10 + i * 6.6, lines[i], bold: false, size: 5.5);
        }
    }

    /// <summary>A box's frame with its small grey label in the top-left corner.</summary>
    private static void Box(PdfCanvas page, double x, double top, double width, double height, string label)
    {
        page.Frame(x, top, width, height);
        page.Text(x + Padding, top + 9.5, Encode(label), bold: false, size: LabelSize, gray: LabelGray);
    }

    private static void Lines(PdfCanvas page, double x, double baseline, IReadOnlyList<string> lines, bool bold, double size, double leading)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            page.Text(x, baseline + i * leading, lines[i], bold, size);
        }
    }

    /// <summary>Text that may have line breaks of its own (an address): each line wrapped, all within the budget.</summary>
    private static List<string> Block(string text, bool bold, double size, double width, int maxLines)
    {
        var lines = new List<string>(maxLines);
        var paragraphs = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            if (lines.Count == maxLines)
            {
                if (lines[^1].Length == 0 || lines[^1][^1] != WinAnsi.Ellipsis)
                {
                    lines[^1] = TextLines.Shorten(lines[^1], bold, size, width, always: true);
                }
                break;
            }
            lines.AddRange(TextLines.Wrap(Encode(paragraph), bold, size, width, maxLines - lines.Count));
        }
        return lines;
    }

    private static string Encode(string text) => WinAnsi.Encode(text);

    private static string UtcDate(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string PdfDate(DateTimeOffset moment) =>
        "(D:" + moment.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z)";

    /// <summary>The file identifier: the same credential always gives the same bytes.</summary>
    private static string DocumentId(byte[] token) => Convert.ToHexString(SHA256.HashData(token), 0, 16);

    // ---- Reading the credential back out of an uploaded PDF ----

    /// <summary>Inputs above this are searched only in their first and last halves of it.</summary>
    private const int MaxSearched = 32 * 1024 * 1024;

    /// <summary>No credential is longer than this; a longer run is not one.</summary>
    private const int MaxTokenLength = 1024 * 1024;

    /// <summary>
    /// The compact JWS carried by an uploaded PDF, or null: first from the <c>/CaravanCredential</c> entry of the
    /// document information (the last one, as incremental updates append), else the first JWS-shaped run of
    /// base64url characters anywhere (the attachment, if a tool rewrote the information). Never throws; the work
    /// is linear in the input, and of a very large input only the first and last 16 MiB are searched.
    /// </summary>
    public static string? ExtractToken(ReadOnlySpan<byte> pdf)
    {
        if (pdf.Length <= MaxSearched)
        {
            return FromInformation(pdf) ?? FromRun(pdf);
        }
        // Writers put the information dictionary near the end, and incremental updates append; look there first.
        var head = pdf[..(MaxSearched / 2)];
        var tail = pdf[^(MaxSearched / 2)..];
        return FromInformation(tail) ?? FromInformation(head) ?? FromRun(tail) ?? FromRun(head);
    }

    private static string? FromInformation(ReadOnlySpan<byte> pdf)
    {
        ReadOnlySpan<byte> key = "/CaravanCredential"u8;
        string? found = null;
        var offset = 0;
        while (offset < pdf.Length)
        {
            var at = pdf[offset..].IndexOf(key);
            if (at < 0)
            {
                break;
            }
            offset += at + key.Length;
            var value = StringValue(pdf[offset..]);
            if (value is not null && IsCompactJws(value))
            {
                found = value;
            }
        }
        return found;
    }

    /// <summary>The PDF string object at the start (after white space): a literal (…) or a hex string &lt;…&gt;.</summary>
    private static string? StringValue(ReadOnlySpan<byte> pdf)
    {
        var i = 0;
        while (i < pdf.Length && IsWhiteSpace(pdf[i]))
        {
            i++;
        }
        if (i >= pdf.Length)
        {
            return null;
        }
        var bytes = new List<byte>();
        if (pdf[i] == '(')
        {
            // Only bytes a token is made of are read: parsing stops at the first other one, so no stretch of the
            // input is parsed twice however many keys it holds.
            for (i++; i < pdf.Length && bytes.Count <= MaxTokenLength; i++)
            {
                var b = pdf[i];
                if (b == ')')
                {
                    return Decode(bytes);
                }
                if (b == '\\')
                {
                    if (++i >= pdf.Length)
                    {
                        return null;
                    }
                    var before = bytes.Count;
                    i = Escape(pdf, i, bytes);
                    if (bytes.Count > before && !IsRunByte(bytes[^1]))
                    {
                        return null;
                    }
                    continue;
                }
                if (!IsRunByte(b))
                {
                    return null;
                }
                bytes.Add(b);
            }
            return null;
        }
        if (pdf[i] == '<' && (i + 1 >= pdf.Length || pdf[i + 1] != '<'))
        {
            var high = -1;
            for (i++; i < pdf.Length && bytes.Count <= MaxTokenLength; i++)
            {
                var b = pdf[i];
                if (b == '>')
                {
                    if (high >= 0)
                    {
                        bytes.Add((byte)(high << 4));
                    }
                    return Decode(bytes);
                }
                if (IsWhiteSpace(b))
                {
                    continue;
                }
                var digit = HexDigit(b);
                if (digit < 0)
                {
                    return null;
                }
                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    bytes.Add((byte)(high << 4 | digit));
                    high = -1;
                }
            }
        }
        return null;
    }

    /// <summary>One escape of a literal string (the byte after the backslash is at <paramref name="i"/>); returns where it ends.</summary>
    private static int Escape(ReadOnlySpan<byte> pdf, int i, List<byte> bytes)
    {
        var b = pdf[i];
        switch (b)
        {
            case (byte)'n': bytes.Add((byte)'\n'); return i;
            case (byte)'r': bytes.Add((byte)'\r'); return i;
            case (byte)'t': bytes.Add((byte)'\t'); return i;
            case (byte)'b': bytes.Add((byte)'\b'); return i;
            case (byte)'f': bytes.Add((byte)'\f'); return i;
            case (byte)'\r':
                // A line continuation: the backslash and the end of line are not part of the string.
                return i + 1 < pdf.Length && pdf[i + 1] == '\n' ? i + 1 : i;
            case (byte)'\n':
                return i;
            case >= (byte)'0' and <= (byte)'7':
                var value = 0;
                var end = i;
                while (end < pdf.Length && end < i + 3 && pdf[end] is >= (byte)'0' and <= (byte)'7')
                {
                    value = value * 8 + (pdf[end] - '0');
                    end++;
                }
                bytes.Add((byte)value);
                return end - 1;
            default:
                // \\, \(, \) and any other escaped byte stand for themselves.
                bytes.Add(b);
                return i;
        }
    }

    /// <summary>The string's text: UTF-16BE if it starts with the byte order mark, otherwise single bytes.</summary>
    private static string Decode(List<byte> bytes)
    {
        var array = bytes.ToArray();
        return array is [0xFE, 0xFF, ..]
            ? Encoding.BigEndianUnicode.GetString(array, 2, array.Length - 2)
            : Encoding.Latin1.GetString(array);
    }

    /// <summary>
    /// The first run of base64url characters and dots that starts with "eyJ" (a JSON header), is not part of a
    /// longer run, and has exactly three non-empty segments.
    /// </summary>
    private static string? FromRun(ReadOnlySpan<byte> pdf)
    {
        var offset = 0;
        while (offset < pdf.Length)
        {
            var at = pdf[offset..].IndexOf("eyJ"u8);
            if (at < 0)
            {
                return null;
            }
            var start = offset + at;
            if (start > 0 && IsRunByte(pdf[start - 1]))
            {
                offset = start + 1;
                continue;
            }
            var end = start;
            while (end < pdf.Length && IsRunByte(pdf[end]))
            {
                end++;
            }
            var run = pdf[start..end];
            if (run.Length <= MaxTokenLength && IsCompactJws(run))
            {
                return Encoding.ASCII.GetString(run);
            }
            // Any later "eyJ" in this run is inside it, so the search goes on after it: the work stays linear.
            offset = end;
        }
        return null;
    }

    private static bool IsCompactJws(string value) =>
        value.Length <= MaxTokenLength && value.All(c => c < 0x80) && IsCompactJws(Encoding.ASCII.GetBytes(value));

    private static bool IsCompactJws(ReadOnlySpan<byte> value)
    {
        if (!value.StartsWith("eyJ"u8) || value.Count((byte)'.') != 2)
        {
            return false;
        }
        var first = value.IndexOf((byte)'.');
        var second = value.LastIndexOf((byte)'.');
        if (second == first + 1 || second == value.Length - 1)
        {
            return false;
        }
        foreach (var b in value)
        {
            if (!IsRunByte(b))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsRunByte(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.';

    private static bool IsWhiteSpace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
