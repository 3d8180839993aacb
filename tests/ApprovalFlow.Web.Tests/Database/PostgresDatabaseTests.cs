using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Database;

public sealed class PostgresDatabaseTests(PostgresWebAppFactory factory) : IClassFixture<PostgresWebAppFactory>
{
    [Fact]
    public async Task Migrations_apply_on_a_fresh_postgresql_database()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        db.ShouldBeOfType<PostgresAppDbContext>();
        var all = db.Database.GetMigrations().ToList();
        all.ShouldNotBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(all);
        (await db.Set<ApprovalFlow.Engine.Persistence.ProcessInstanceRecord>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Outside_the_embedded_default_roles_exist_but_no_account_has_a_default_password()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        foreach (var role in AppRoles.All)
        {
            (await roles.RoleExistsAsync(role)).ShouldBeTrue(role);
        }
        foreach (var account in DemoAccount.All)
        {
            (await users.FindByEmailAsync(account.Email)).ShouldBeNull(account.Email);
        }
    }
}
