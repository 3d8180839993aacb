using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>The chase ladder: options, the sweep and its recurring job.</summary>
public static class ChasingRegistration
{
    public static IServiceCollection AddChasing(this IServiceCollection services)
    {
        services.AddOptions<ChasingOptions>().BindConfiguration(ChasingOptions.Section)
            .Validate(o => o.LeaderEscalationWorkingDays >= 0 && o.LongestTimeLimitWorkingDays > 0 && o.SweepBatchSize > 0 && !string.IsNullOrWhiteSpace(o.SweepCron),
                "Chasing: LeaderEscalationWorkingDays must not be negative, LongestTimeLimitWorkingDays and SweepBatchSize must be positive and SweepCron set.");
        services.AddSingleton<ChaseLadder>();
        services.AddScoped<ChaseRecipients>();
        services.AddScoped<ChaseRowWriter>();
        // A single rung (ChaseSubject) is fired as a batch of one, by this handler outside its own pipeline.
        services.TryAddScoped<ChaseDueRungsHandler>();
        services.AddSingleton<ChaseSweep>();
        services.AddTransient<ChaseSweepJob>();
        return services;
    }

    /// <summary>Only with Hangfire enabled.</summary>
    public static WebApplication MapChaseSweepJob(this WebApplication app)
    {
        var cron = app.Services.GetRequiredService<IOptions<ChasingOptions>>().Value.SweepCron;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ChaseSweepJob>(
            ChaseSweepJob.Id, job => job.SweepAsync(CancellationToken.None), cron);
        return app;
    }
}
