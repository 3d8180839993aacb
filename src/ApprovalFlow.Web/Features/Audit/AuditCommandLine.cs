using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// <c>verify-audit</c>: checks the chain of the configured database (same settings as the app: appsettings,
/// environment variables, command-line switches) without starting the web server.
/// Exit code 0: intact; 1: broken (the first broken link is printed); 2: the check could not run.
/// </summary>
public static class AuditCommandLine
{
    public const string Verb = "verify-audit";

    public static async Task<int> VerifyAsync(string[] args)
    {
        try
        {
            // The web builder reads configuration exactly as the app does (ASPNETCORE_ variables included); it is never run.
            var builder = WebApplication.CreateBuilder(args);
            // The verb's own lines are its output; EF's logging would repeat a failure as a stack trace.
            builder.Logging.ClearProviders();
            builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
            builder.Services.AddScoped<AuditChainVerifier>();
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
            Console.WriteLine(result);
            return result.Intact ? 0 : 1;
        }
        catch (Exception e)
        {
            // An operator's tool: say why in one line rather than with a crash dump.
            await Console.Error.WriteLineAsync($"verify-audit could not run: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }
}
