namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>What the figures are counted per: county (县市区), department (部门) or step (环节).</summary>
public enum FigureGrouping
{
    County,
    Department,
    Step,
}
