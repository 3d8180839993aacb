using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Audit;

public sealed class SqliteAuditChainTests : AuditChainScenarios
{
    protected override Task<AuditTestApp> StartAppAsync()
    {
        var factory = new WebAppFactory();
        _ = factory.Services;
        return Task.FromResult(new AuditTestApp(factory, async () => await factory.DisposeAsync()));
    }

    protected override string PastTheTriggers(string sql) =>
        $"DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; {sql};";

    protected override IReadOnlyDictionary<string, string> CommandLineSettings(WebAppFactory factory) =>
        new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__ApprovalFlow"] = "",
            ["ApprovalFlow__DataFolder"] = factory.DataFolder,
        };
}
