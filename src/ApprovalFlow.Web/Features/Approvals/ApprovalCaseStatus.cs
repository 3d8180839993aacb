namespace ApprovalFlow.Web.Features.Approvals;

public enum ApprovalCaseStatus
{
    Running = 0,
    Completed = 1,
    Terminated = 2,
}
