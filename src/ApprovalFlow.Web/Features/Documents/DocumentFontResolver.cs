using PdfSharp.Fonts;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>
/// Serves PDFsharp the one font the documents use, Noto Sans SC Regular (SIL Open Font License 1.1), which the build
/// copies from the <c>@expo-google-fonts/noto-sans-sc</c> npm package to <c>fonts/</c> beside the app
/// (ClientApp/copy-libs.mjs): no system font is asked for, so a machine without any Chinese font renders the same
/// documents. Bold is simulated. PDFsharp embeds the subset of the glyphs a document uses.
/// </summary>
public sealed class DocumentFontResolver : IFontResolver
{
    public const string Family = "Noto Sans SC";
    public const string FileName = "NotoSansSC-Regular.ttf";
    private const string Face = "NotoSansSC-Regular";

    private readonly byte[] _font;

    public DocumentFontResolver(byte[] font) => _font = font;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == Face ? _font : null;

    /// <summary>The font file: beside the app (<c>fonts/</c> of the output), else in the content root's <c>fonts/</c>.</summary>
    public static string? FindFontFile(string? contentRoot)
    {
        foreach (var folder in new[] { AppContext.BaseDirectory, contentRoot })
        {
            if (folder is null) continue;
            var path = Path.Combine(folder, "fonts", FileName);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
