namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>How a case runs: ordinary parallel approval, virtual approval (虚拟审批, land not yet obtained), or the pledge system (企业投资项目承诺制).</summary>
public enum ApprovalMode
{
    Normal = 0,
    Virtual = 1,
    PledgeSystem = 2,
}
