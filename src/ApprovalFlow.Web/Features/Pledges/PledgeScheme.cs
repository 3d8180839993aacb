namespace ApprovalFlow.Web.Features.Pledges;

public enum PledgeScheme
{
    /// <summary>申请容缺受理承诺书: the enterprise pledges to supply missing secondary materials by a deadline.</summary>
    ToleratedGap = 0,
    /// <summary>企业投资项目承诺制 / 告知承诺制: the pledge replaces some prior approvals.</summary>
    PledgeSystem = 1,
    /// <summary>标准地+承诺制 in provincial parks.</summary>
    StandardLand = 2,
}
