using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace ApprovalFlow.Web.Features.Reports;

/// <summary>Writes a report as CSV (UTF-8 with BOM, one section per part) and as an .xlsx workbook (one sheet per part); see ADR 0007.</summary>
public static class ReportFiles
{
    public static byte[] Csv(ReportContent content)
    {
        var text = new StringBuilder();
        text.Append(Line([$"{content.Kind.Heading()} {content.First:yyyy-MM-dd} 至 {content.Last:yyyy-MM-dd}"]));
        foreach (var table in content.Tables)
        {
            text.Append("\r\n");
            text.Append(Line([$"【{table.Title}】"]));
            text.Append(Line(table.Headers.Cast<object?>().ToArray()));
            foreach (var row in table.Rows) text.Append(Line(row));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(ReportContent content)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in content.Tables) sheets[SheetName(table.Title)] = DataTableOf(table);
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A sheet is named by the part's title up to its first bracket (Excel allows 31 characters, no brackets).</summary>
    public static string SheetName(string title)
    {
        var cut = title.IndexOfAny(['（', '(']);
        var name = cut > 0 ? title[..cut] : title;
        return name.Length > 31 ? name[..31] : name;
    }

    private static DataTable DataTableOf(ReportTable table)
    {
        var data = new DataTable(SheetName(table.Title));
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var values = table.Rows.Select(r => r[i]).Where(v => v is not null).ToList();
            var type = values.Count > 0 && values.All(v => v is int) ? typeof(int)
                : values.Count > 0 && values.All(v => v is int or double or decimal) ? typeof(double)
                : typeof(string);
            data.Columns.Add(table.Headers[i], type);
        }
        foreach (var row in table.Rows)
        {
            data.Rows.Add([.. row.Select((v, i) => v is null ? DBNull.Value
                : data.Columns[i].DataType == typeof(string) ? SafeCell(v)
                : data.Columns[i].DataType == typeof(double) ? Convert.ToDouble(v, CultureInfo.InvariantCulture)
                : v)]);
        }
        return data;
    }

    private static string Line(object?[] cells) => string.Join(",", cells.Select(c => Quote(SafeCell(c)))) + "\r\n";

    /// <summary>Characters that make a spreadsheet read a cell as a formula (or a DDE call) when they come first.</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A cell as text, with text that a spreadsheet would run as a formula (a project called <c>=HYPERLINK(…)</c>) made
    /// inert by a leading apostrophe (OWASP's advice against CSV injection). Numbers are written as numbers, so a negative
    /// figure keeps its minus sign.
    /// </summary>
    public static string SafeCell(object? value) =>
        value is string text && text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : Cell(value);

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
