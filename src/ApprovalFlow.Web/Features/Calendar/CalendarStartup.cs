using ApprovalFlow.Web.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Before the app serves: seeds the shipped years the database lacks and loads the days into the cache. Then,
/// every <see cref="CalendarOptions.RefreshSeconds"/>, compares the cache with the database and, when they differ,
/// reloads and recomputes, so a change made through another server (or one whose commit failed) reaches this one.
/// </summary>
public sealed class CalendarStartup(
    IServiceScopeFactory scopes,
    WorkingDayCalendar calendar,
    IOptions<CalendarOptions> options,
    ILogger<CalendarStartup> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedAsync(cancellationToken);
            if (seeded.Count > 0)
            {
                // A newly shipped year can move deadlines that reach into it.
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecomputeCalendarDeadlines(), cancellationToken);
            }
            else
            {
                calendar.Replace(await CalendarChangePropagation.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken));
            }
        }
        logger.LogInformation("Working-day calendar loaded: {Count} listed day(s)", calendar.Snapshot.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RefreshSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Returns whether the stored days differed from the cache (and were put in force).</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var stored = await CalendarChangePropagation.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            if (stored.HasSameDaysAs(calendar.Snapshot)) return false;
            logger.LogInformation("The stored working-day calendar differs from this server's cache; reloading and recomputing deadlines");
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecomputeCalendarDeadlines(), ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the server must keep running.
            logger.LogError(ex, "Refreshing the working-day calendar failed");
            return false;
        }
    }
}
