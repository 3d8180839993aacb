using ApprovalFlow.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalFlow.Web.Features.Calendar;

public static class CalendarRegistration
{
    /// <summary>
    /// The working-day calendar as the engine's <see cref="IWorkingCalendar"/> (replacing its Monday-to-Friday
    /// default, whether called before or after AddWorkflowEngine), its seeding at start-up and its refresh.
    /// </summary>
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkingDayCalendar>();
        services.RemoveAll<IWorkingCalendar>();
        services.AddSingleton<IWorkingCalendar>(sp => sp.GetRequiredService<WorkingDayCalendar>());
        services.AddSingleton<CalendarDataFiles>();
        services.AddScoped<CalendarSeeder>();
        services.AddScoped<CalendarChangePropagation>();
        services.AddSingleton<CalendarStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarStartup>());
        return services;
    }
}
