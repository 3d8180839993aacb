using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Timers;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;

namespace ApprovalFlow.Web.Jobs;

public static class HangfireRegistration
{
    /// <summary>Polling this often keeps a timer within a second or two of its due time.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static bool IsHangfireEnabled(this IConfiguration configuration) =>
        configuration.GetValue("Hangfire:Enabled", true);

    public static IServiceCollection AddAppHangfire(this IServiceCollection services, DatabaseSettings database)
    {
        // Storage and activator are registered per host before AddHangfire, whose defaults are
        // process-wide statics: two hosts in one process (the tests) must not share them.
        services.AddSingleton<JobStorage>(_ => CreateStorage(database));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        var identity = new HangfireServerIdentity();
        services.AddSingleton(identity);
        services.AddHangfireServer(o =>
        {
            o.ServerName = identity.ServerName;
            o.SchedulePollingInterval = PollInterval;
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
        });

        // The dashboard protects its buttons (requeue, delete) with antiforgery tokens when the service exists.
        services.AddAntiforgery();

        services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        services.AddHostedService<TimerStartupSweep>();
        return services;
    }

    public static WebApplication MapAppHangfire(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TimerSweepJob>(
            TimerSweepJob.Id, job => job.SweepAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<HistoryPurgeJob>(
            HistoryPurgeJob.Id, job => job.PurgeAsync(CancellationToken.None), Cron.Daily(2));

        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "ApprovalFlow jobs",
            AppPath = "/",
        });
        return app;
    }

    private static JobStorage CreateStorage(DatabaseSettings database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new SQLiteStorage(
            Path.Combine(database.DataFolder, "hangfire.db"),
            new SQLiteStorageOptions { QueuePollInterval = PollInterval }),
        DatabaseProvider.Postgres => CreatePostgresStorage(database.ConnectionString),
        DatabaseProvider.SqlServer => new SqlServerStorage(
            database.ConnectionString,
            new SqlServerStorageOptions { QueuePollInterval = TimeSpan.Zero }),
        _ => throw new InvalidOperationException($"No Hangfire storage for {database.Provider}."),
    };

    private static PostgreSqlStorage CreatePostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { QueuePollInterval = PollInterval };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
