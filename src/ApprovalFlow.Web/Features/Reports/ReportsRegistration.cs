using Hangfire;

namespace ApprovalFlow.Web.Features.Reports;

public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportBuilder>();
        services.AddTransient<ReportsJob>();
        return services;
    }

    /// <summary>Only with Hangfire enabled: daily at 01:00 China time (17:00 UTC), for the periods that ended.</summary>
    public static WebApplication MapReportsJob(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReportsJob>(
            ReportsJob.Id, job => job.GenerateAsync(CancellationToken.None), "0 17 * * *");
        return app;
    }
}
