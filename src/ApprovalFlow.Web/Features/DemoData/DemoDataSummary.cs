namespace ApprovalFlow.Web.Features.DemoData;

public sealed record DemoDataSummary(int Projects, int Cases, int Commands);
