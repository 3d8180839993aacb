namespace ApprovalFlow.Web.Features.Reports;

/// <summary>One part of a report (a sheet of the workbook, a section of the CSV): a Chinese title, headers and rows.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>A report's parts in order: figures, rankings, stalled steps.</summary>
public sealed record ReportContent(ReportKind Kind, DateOnly First, DateOnly Last, DateTime AsOf, IReadOnlyList<ReportTable> Tables);
