using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Tests.Infrastructure;
using Npgsql;

namespace ApprovalFlow.Web.Tests.Audit;

public sealed class PostgresAuditChainTests : AuditChainScenarios
{
    protected override async Task<AuditTestApp> StartAppAsync()
    {
        var factory = new PostgresWebAppFactory();
        await factory.InitializeAsync();
        _ = factory.Services;
        return new AuditTestApp(factory, () => ((IAsyncLifetime)factory).DisposeAsync());
    }

    protected override string PastTheTriggers(string sql) =>
        $"ALTER TABLE audit_log DISABLE TRIGGER USER; {sql}; ALTER TABLE audit_log ENABLE TRIGGER USER;";

    protected override IReadOnlyDictionary<string, string> CommandLineSettings(WebAppFactory factory) =>
        new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__ApprovalFlow"] = ((PostgresWebAppFactory)factory).ConnectionString,
        };

    [Fact]
    public async Task An_append_waits_while_another_transaction_holds_the_chain_lock()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        var before = await app.LastSequenceAsync();
        await using var holder = new NpgsqlConnection(((PostgresWebAppFactory)app.Factory).ConnectionString);
        await holder.OpenAsync();
        await using var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({AuditLog.PostgresLockKey})", holder);
        await hold.ExecuteNonQueryAsync();

        var ping = app.PingAsync(admin, "waits");
        await Task.Delay(TimeSpan.FromSeconds(1));
        ping.IsCompleted.ShouldBeFalse("the append must wait for the chain lock");
        (await app.LastSequenceAsync()).ShouldBe(before);

        await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AuditLog.PostgresLockKey})", holder);
        await release.ExecuteNonQueryAsync();
        await ping;
        (await app.LastSequenceAsync()).ShouldBe(before + 1);
    }
}
