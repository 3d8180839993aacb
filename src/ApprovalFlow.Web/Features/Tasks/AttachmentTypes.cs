namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>
/// The file types a task accepts. The declared type must be on the list and the first bytes must match it:
/// downloads are served with the stored type, so a page dressed up as a PDF must not get in.
/// </summary>
public static class AttachmentTypes
{
    /// <summary>An accepted type: the first content type is the one stored, the others are what some clients send.</summary>
    private sealed record FileKind(string[] ContentTypes, string[] Extensions, byte[] Signature);

    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();

    private static readonly FileKind[] Kinds =
    [
        new(["application/pdf"], [".pdf"], "%PDF-"u8.ToArray()),
        new(["image/png"], [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new(["image/jpeg", "image/pjpeg"], [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        new(["application/vnd.openxmlformats-officedocument.wordprocessingml.document"], [".docx"], Zip),
        new(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], [".xlsx"], Zip),
        new(["application/zip", "application/x-zip-compressed"], [".zip"], Zip),
        // OFD (GB/T 33190), the format of Chinese e-licences and e-invoices, is a zip package.
        new(["application/ofd"], [".ofd"], Zip),
    ];

    public const string Allowed = "PDF, PNG, JPEG, DOCX, XLSX, ZIP or OFD";

    /// <summary>
    /// The content type to store for an upload, or null if it is refused. Browsers send types they do not know
    /// (OFD) as application/octet-stream; then the file name's extension names the type.
    /// </summary>
    public static string? Accept(string? declaredType, string fileName, ReadOnlySpan<byte> content)
    {
        var declared = (declaredType ?? "").Split(';')[0].Trim();
        var kind = declared.Length == 0 || declared.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? Kinds.FirstOrDefault(k => k.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase))
            : Kinds.FirstOrDefault(k => k.ContentTypes.Contains(declared, StringComparer.OrdinalIgnoreCase));
        return kind is not null && content.StartsWith(kind.Signature) ? kind.ContentTypes[0] : null;
    }
}
