namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>How a department checked a pledge afterwards (事后核查).</summary>
public enum VerificationMethod
{
    /// <summary>书面核查.</summary>
    Written = 0,
    /// <summary>网上核查.</summary>
    Online = 1,
    /// <summary>现场核查.</summary>
    Site = 2,
    /// <summary>公示核查.</summary>
    PublicNotice = 3,
}
