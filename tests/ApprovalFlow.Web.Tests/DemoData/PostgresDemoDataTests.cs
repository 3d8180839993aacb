using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.DemoData;

public sealed class PostgresDemoDataTests
{
    [Fact]
    public async Task Outside_the_embedded_demo_demo_data_asked_for_without_the_demo_accounts_seeds_nothing()
    {
        var name = "approvalflow_demo_" + Guid.NewGuid().ToString("N");
        var connection = await PostgresWebAppFactory.CreateDatabaseAsync(name);
        try
        {
            await using var app = new PostgresDemoFactory(connection, "Production");
            _ = app.Server;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Set<Project>().CountAsync()).ShouldBe(0);
            (await db.Users.CountAsync()).ShouldBe(0);
        }
        finally
        {
            await PostgresWebAppFactory.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Switched_on_in_Development_on_PostgreSQL_the_demo_is_seeded_once_with_an_intact_audit_chain()
    {
        var name = "approvalflow_demo_" + Guid.NewGuid().ToString("N");
        var connection = await PostgresWebAppFactory.CreateDatabaseAsync(name);
        try
        {
            DemoDataState first;
            await using (var app = new PostgresDemoFactory(connection, "Development", demoAccounts: true))
            {
                _ = app.Server;
                first = await DemoDataState.ReadAsync(app);
                await DemoDataState.ShouldShowALivingSystemAsync(app);
            }
            await using (var again = new PostgresDemoFactory(connection, "Development", demoAccounts: true))
            {
                _ = again.Server;
                (await DemoDataState.ReadAsync(again)).ShouldBe(first);
            }
        }
        finally
        {
            await PostgresWebAppFactory.DropDatabaseAsync(name);
        }
    }
}
