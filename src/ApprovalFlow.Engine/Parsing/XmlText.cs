using System.Text;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Engine.Parsing;

/// <summary>Decodes XML bytes by their byte-order mark or the encoding their declaration names (GB2312, GBK, UTF-16, ...).</summary>
public static partial class XmlText
{
    static XmlText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();

    public static string Decode(byte[] xml)
    {
        if (xml.Length >= 3 && xml[0] == 0xEF && xml[1] == 0xBB && xml[2] == 0xBF) return Strict(Encoding.UTF8).GetString(xml, 3, xml.Length - 3);
        if (xml.Length >= 2 && xml[0] == 0xFF && xml[1] == 0xFE) return Encoding.Unicode.GetString(xml, 2, xml.Length - 2);
        if (xml.Length >= 2 && xml[0] == 0xFE && xml[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(xml, 2, xml.Length - 2);
        // UTF-16 without a byte-order mark starts "<\0" or "\0<".
        if (xml.Length >= 2 && xml[0] == (byte)'<' && xml[1] == 0) return Encoding.Unicode.GetString(xml);
        if (xml.Length >= 2 && xml[0] == 0 && xml[1] == (byte)'<') return Encoding.BigEndianUnicode.GetString(xml);

        var head = Encoding.ASCII.GetString(xml, 0, Math.Min(xml.Length, 256));
        var match = Declaration().Match(head);
        var encoding = match.Success ? Named(match.Groups[1].Value) : Encoding.UTF8;
        return Strict(encoding).GetString(xml);
    }

    /// <summary>The 1-based line of a byte offset, for encodings whose line feed is the byte 0x0A (UTF-8 and the like).</summary>
    internal static int LineOfByte(byte[] xml, int index)
    {
        var end = Math.Clamp(index, 0, xml.Length);
        // The strict decoder only runs on UTF-8; after a byte-order mark its offsets start behind the mark.
        if (xml.Length >= 3 && xml[0] == 0xEF && xml[1] == 0xBB && xml[2] == 0xBF) end = Math.Min(end + 3, xml.Length);
        return 1 + xml.AsSpan(0, end).Count((byte)'\n');
    }

    /// <summary>Every way an encoding name can be refused comes out as <see cref="ArgumentException"/> (UTF-7, for one, throws NotSupportedException).</summary>
    private static Encoding Named(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"The encoding '{name}' named in the XML declaration is not supported.", ex);
        }
    }

    private static Encoding Strict(Encoding e) =>
        e is UTF8Encoding ? new UTF8Encoding(false, throwOnInvalidBytes: true) : e;
}
