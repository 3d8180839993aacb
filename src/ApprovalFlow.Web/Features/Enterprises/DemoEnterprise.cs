using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Enterprises;

/// <summary>The two enterprises of the embedded default, so that the separation between enterprises can be tried at once.</summary>
public sealed record DemoEnterprise(string CreditCode, string Name, string ContactName, string ContactPhone)
{
    public static readonly DemoEnterprise First = new("91131102MA0A1B2C3A", "衡水演示建设有限公司", "张演示", "0318-0000001");

    public static readonly DemoEnterprise Second = new("91131182MA0A4D5E68", "深州演示实业有限公司", "李演示", "0318-0000002");

    public static readonly IReadOnlyList<DemoEnterprise> All = [First, Second];

    /// <summary>Creates the demo enterprise with that credit code unless it exists, and returns its id.</summary>
    public static async Task<Guid> EnsureAsync(AppDbContext db, string creditCode, CancellationToken ct)
    {
        var existing = await db.Set<Enterprise>().Where(e => e.CreditCode == creditCode).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var demo = All.Single(d => d.CreditCode == creditCode);
        var enterprise = new Enterprise
        {
            Id = Guid.NewGuid(),
            Name = demo.Name,
            CreditCode = demo.CreditCode,
            ContactName = demo.ContactName,
            ContactPhone = demo.ContactPhone,
            RegisteredAt = DateTime.UtcNow,
            RegisteredBy = "seed",
        };
        db.Add(enterprise);
        await db.SaveChangesAsync(ct);
        return enterprise.Id;
    }
}
