using ApprovalFlow.Web.Features.DemoData;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ApprovalFlow.Web.Tests.DemoData;

/// <summary>The embedded default with demo data asked for, on a data folder the test names so that a restart finds it again.</summary>
public sealed class EmbeddedDemoFactory(string dataFolder) : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ApprovalFlow:DataFolder", dataFolder);
        builder.UseSetting(DemoDataSeeder.Setting, "true");
    }
}

/// <summary>
/// The app on a PostgreSQL database of the server ./test.sh starts, in the environment given, demo data asked for, and
/// the demo accounts switched on when <paramref name="demoAccounts"/> (outside the embedded demo nothing is seeded without).
/// </summary>
public sealed class PostgresDemoFactory(string connectionString, string environment, bool demoAccounts = false) : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting(DemoDataSeeder.Setting, "true");
        if (demoAccounts) builder.UseSetting("ApprovalFlow:DemoAccounts", "true");
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:ApprovalFlow", connectionString);
    }
}
