using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Data;

public class AppUser : IdentityUser
{
    /// <summary>The department an officer works for, e.g. <c>natural-resources</c>.</summary>
    public string? Department { get; set; }

    /// <summary>The county an officer or enterprise belongs to.</summary>
    public string? County { get; set; }

    /// <summary>The enterprise (建设单位) a user of role Enterprise acts for; it sees and registers only that enterprise's projects.</summary>
    public Guid? EnterpriseId { get; set; }
}
