using ApprovalFlow.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalFlow.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers the provider's context and exposes it as <see cref="AppDbContext"/>, which is what
    /// Identity, the engine and the features ask for.
    /// </summary>
    public static DatabaseSettings AddAppDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = DatabaseSettings.From(configuration, environment);
        services.AddSingleton(settings);
        services.AddSingleton<StartupLock>();
        // New messages reach the open pages of this server when they are committed (Features/Notifications/InboxSignals).
        var signals = new InboxSignals();
        services.AddSingleton(signals);
        var inboxSignal = new InboxSignalInterceptor(signals);

        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(settings.DataFolder);
                IInterceptor[] interceptors = configuration.GetValue("Database:SqliteWriteQueue", false)
                    ? [new SqliteBusyTimeout(TimeSpan.FromSeconds(15)), new SqliteWriteQueue(TimeSpan.FromSeconds(15)), inboxSignal]
                    : [new SqliteBusyTimeout(TimeSpan.FromSeconds(15)), inboxSignal];
                Register<SqliteAppDbContext>(services, o => o.UseSqlite(settings.ConnectionString).AddInterceptors(interceptors));
                break;
            case DatabaseProvider.Postgres:
                Register<PostgresAppDbContext>(services, o => o.UseNpgsql(settings.ConnectionString).AddInterceptors(inboxSignal));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerAppDbContext>(services, o => o.UseSqlServer(settings.ConnectionString).AddInterceptors(inboxSignal));
                break;
        }

        return settings;
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        // Pooled: a context is reset and reused instead of built per scope (the engine's hot path paid ~10 % of each
        // call for it). Safe because the contexts take nothing but their options, and the interceptors (SqliteBusyTimeout,
        // SqliteWriteQueue; InboxSignalInterceptor keys by context and clears at each transaction's end) keep no per-request state beyond the connection they are told about.
        services.AddDbContextPool<TContext>(configure);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
