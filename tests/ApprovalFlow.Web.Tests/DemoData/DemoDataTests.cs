using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.DemoData;

public sealed class DemoDataTests
{
    [Fact]
    public async Task The_embedded_default_seeds_the_demo_once_and_a_restart_on_the_same_data_adds_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvalflow-tests", "demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoDataState first;
            await using (var app = new EmbeddedDemoFactory(folder))
            {
                _ = app.Server;
                first = await DemoDataState.ReadAsync(app);
                await DemoDataState.ShouldShowALivingSystemAsync(app);
                foreach (var officer in DemoAccount.DepartmentOfficers)
                {
                    using var client = await app.LoginAsync(officer.Email);
                }
            }
            await using (var again = new EmbeddedDemoFactory(folder))
            {
                _ = again.Server;
                var second = await DemoDataState.ReadAsync(again);
                second.ShouldBe(first);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_test_host_seeds_no_demo_data_unless_asked()
    {
        await using var app = new WebAppFactory();
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Project>().CountAsync()).ShouldBe(0);
    }
}
