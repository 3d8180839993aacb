using ApprovalFlow.Web.Features.Enterprises;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>A project of the demo data; <see cref="Investment"/> in 10,000 yuan (万元).</summary>
public sealed record DemoProject(string Code, string Name, DemoEnterprise Enterprise, string County, string Industry, decimal Investment,
    string Kind, string List);
