using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Materials;
using ApprovalFlow.Web.Features.Pledges;
using Hangfire;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>Tolerated gaps, pledges, credit records and the material catalogue: services, endpoints and the sweep job.</summary>
public static class CommitmentsRegistration
{
    public static IServiceCollection AddCommitments(this IServiceCollection services)
    {
        services.AddOptions<GapOptions>().BindConfiguration(GapOptions.Section);
        services.AddSingleton<GapSweep>();
        services.AddTransient<GapSweepJob>();
        services.AddHostedService<MaterialCatalogueSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder api)
    {
        api.MapMaterialsApi();
        api.MapPledgesApi();
        api.MapGapsApi();
        api.MapCreditApi();
        return api;
    }

    /// <summary>Only with Hangfire enabled.</summary>
    public static WebApplication MapGapSweepJob(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<GapSweepJob>(
            GapSweepJob.Id, job => job.SweepAsync(CancellationToken.None), "*/5 * * * *");
        return app;
    }
}
