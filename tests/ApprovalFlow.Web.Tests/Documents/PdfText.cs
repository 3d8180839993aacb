using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace ApprovalFlow.Web.Tests.Documents;

/// <summary>
/// The text of a PDF the app wrote, for assertions: PDFsharp reads the file; each page's hex strings (glyph ids of the
/// Identity-H fonts) are mapped back to characters through the fonts' ToUnicode maps.
/// </summary>
public static partial class PdfText
{
    /// <summary>The text without the line breaks of the layout, so that a wrapped sentence reads as one.</summary>
    public static string Flat(byte[] pdf) => Of(pdf).Replace("\n", "");

    /// <summary>Every string drawn, one a line, in the order drawn.</summary>
    public static string Of(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var map = new Dictionary<int, string>();
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            foreach (var key in fonts?.Elements.Keys ?? [])
            {
                if (fonts!.Elements.GetDictionary(key)?.Elements.GetDictionary("/ToUnicode")?.Stream is { } cmap)
                    ReadCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue), map);
            }
            foreach (var item in page.Contents.Elements)
            {
                var stream = (item is PdfReference reference ? reference.Value : item) as PdfDictionary;
                if (stream?.Stream is null) continue;
                foreach (Match match in HexString().Matches(Encoding.Latin1.GetString(stream.Stream.UnfilteredValue)))
                {
                    var hex = Regex.Replace(match.Groups[1].Value, @"\s", "");
                    for (var i = 0; i + 4 <= hex.Length; i += 4)
                        text.Append(map.GetValueOrDefault(Convert.ToInt32(hex.Substring(i, 4), 16), "\uFFFD"));
                    text.Append('\n');
                }
            }
        }
        return text.ToString();
    }

    /// <summary>bfchar (&lt;glyph&gt; &lt;unicode&gt;) and bfrange (&lt;first&gt; &lt;last&gt; &lt;unicode&gt;) entries.</summary>
    private static void ReadCMap(string cmap, Dictionary<int, string> map)
    {
        foreach (Match block in BfChar().Matches(cmap))
        foreach (Match pair in Pair().Matches(block.Groups[1].Value))
            map[Convert.ToInt32(pair.Groups[1].Value, 16)] = Utf16(pair.Groups[2].Value);
        foreach (Match block in BfRange().Matches(cmap))
        foreach (Match range in Triple().Matches(block.Groups[1].Value))
        {
            var first = Convert.ToInt32(range.Groups[1].Value, 16);
            var last = Convert.ToInt32(range.Groups[2].Value, 16);
            var unicode = Convert.ToInt32(range.Groups[3].Value, 16);
            for (var glyph = first; glyph <= last; glyph++) map[glyph] = char.ConvertFromUtf32(unicode + glyph - first);
        }
    }

    private static string Utf16(string hex)
    {
        var units = new char[hex.Length / 4];
        for (var i = 0; i < units.Length; i++) units[i] = (char)Convert.ToInt32(hex.Substring(i * 4, 4), 16);
        return new string(units);
    }

    /// <summary>A hex string; PDFsharp breaks long ones across lines.</summary>
    [GeneratedRegex(@"<([0-9A-Fa-f\s]+)>")]
    private static partial Regex HexString();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Triple();
}
