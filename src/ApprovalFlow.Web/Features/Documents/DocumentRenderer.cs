using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>What one document page says: title, addressee, paragraphs, issuing department, date and its verification.</summary>
public sealed record DocumentPage(
    string Title, string Addressee, IReadOnlyList<string> Paragraphs, string Issuer, string Date, string VerificationCode, string VerificationUrl);

/// <summary>
/// Renders a document as an A4 PDF with PDFsharp, in the shipped CJK font (<see cref="DocumentFontResolver"/>): the title,
/// the addressee, the body wrapped character by character (Chinese has no spaces to break at), the issuing department and
/// the date at the right, and at the bottom a QR code (QRCoder, drawn as vector squares) of the verification URL with the
/// code beside it. A singleton: PDFsharp's font resolver is global and set once.
/// </summary>
public sealed class DocumentRenderer
{
    private static readonly Lock Setup = new();
    private static bool _fontSet;

    private const double Margin = 72; // 1 inch, in points
    private const double BodySize = 12;
    private const double LineHeight = 22;

    public DocumentRenderer(IHostEnvironment environment)
    {
        lock (Setup)
        {
            if (_fontSet) return;
            var path = DocumentFontResolver.FindFontFile(environment.ContentRootPath) ?? throw new InvalidOperationException(
                $"The documents' font {DocumentFontResolver.FileName} is missing beside the app: the build copies it from the npm package " +
                "@expo-google-fonts/noto-sans-sc (ClientApp/copy-libs.mjs); build without SkipNpm=true once.");
            GlobalFontSettings.FontResolver = new DocumentFontResolver(File.ReadAllBytes(path));
            _fontSet = true;
        }
    }

    public byte[] Render(DocumentPage content)
    {
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Creator = "ApprovalFlow";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - 2 * Margin;
            // Unicode (Identity-H with a ToUnicode map): every string, Latin ones too, in the embedded font, and copyable as text.
            var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
            var title = new XFont(DocumentFontResolver.Family, 22, XFontStyleEx.Bold, unicode);
            var body = new XFont(DocumentFontResolver.Family, BodySize, XFontStyleEx.Regular, unicode);
            var small = new XFont(DocumentFontResolver.Family, 9, XFontStyleEx.Regular, unicode);

            var y = Margin;
            gfx.DrawString(content.Title, title, XBrushes.Black, new XRect(Margin, y, width, 34), XStringFormats.TopCenter);
            y += 40;
            gfx.DrawString($"核验码：{content.VerificationCode}", small, XBrushes.DimGray, new XRect(Margin, y, width, 14), XStringFormats.TopRight);
            y += 30;

            gfx.DrawString($"{content.Addressee}：", body, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
            y += LineHeight;
            var indent = gfx.MeasureString("　　", body).Width;
            foreach (var paragraph in content.Paragraphs)
            {
                var first = true;
                foreach (var line in Wrap(gfx, paragraph, body, width, indent))
                {
                    gfx.DrawString(line, body, XBrushes.Black, Margin + (first ? indent : 0), y, XStringFormats.TopLeft);
                    first = false;
                    y += LineHeight;
                }
                y += 4;
            }

            y = Math.Max(y + 30, page.Height.Point - Margin - 190);
            gfx.DrawString(content.Issuer, body, XBrushes.Black, new XRect(Margin, y, width, LineHeight), XStringFormats.TopRight);
            y += LineHeight;
            gfx.DrawString(content.Date, body, XBrushes.Black, new XRect(Margin, y, width, LineHeight), XStringFormats.TopRight);

            var qrTop = page.Height.Point - Margin - 100;
            DrawQr(gfx, content.VerificationUrl, Margin, qrTop, 96);
            gfx.DrawString("扫描二维码或访问以下地址核验本文书：", small, XBrushes.DimGray, Margin + 108, qrTop + 30, XStringFormats.TopLeft);
            gfx.DrawString(content.VerificationUrl, small, XBrushes.DimGray, Margin + 108, qrTop + 46, XStringFormats.TopLeft);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Lines of at most <paramref name="width"/> points, broken between any two characters; the first line is indented.</summary>
    private static IEnumerable<string> Wrap(XGraphics gfx, string paragraph, XFont font, double width, double indent)
    {
        var line = new System.Text.StringBuilder();
        var available = width - indent;
        foreach (var rune in paragraph.EnumerateRunes())
        {
            var text = rune.ToString();
            if (line.Length > 0 && gfx.MeasureString(line + text, font).Width > available)
            {
                yield return line.ToString();
                line.Clear();
                available = width;
            }
            line.Append(text);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    /// <summary>The QR code of <paramref name="text"/> as black squares, runs of a row merged, with its quiet zone.</summary>
    private static void DrawQr(XGraphics gfx, string text, double left, double top, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column]) { column++; continue; }
                var start = column;
                while (column < bits.Length && bits[column]) column++;
                gfx.DrawRectangle(XBrushes.Black, left + start * module, top + row * module, (column - start) * module + 0.01, module + 0.01);
            }
        }
    }
}
