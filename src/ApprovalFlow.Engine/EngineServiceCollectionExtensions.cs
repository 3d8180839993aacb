using ApprovalFlow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the engine on the host's DbContext, whose model must include <see cref="Persistence.EngineModel"/>.</summary>
    public static IServiceCollection AddWorkflowEngine<TContext>(this IServiceCollection services, Action<EngineOptions>? configure = null)
        where TContext : DbContext
    {
        services.AddOptions<EngineOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITimerScheduler, NoTimerScheduler>();
        services.TryAddSingleton<IWorkingCalendar, WeekdayCalendar>();
        services.TryAddSingleton<ServiceTaskRegistry>();
        services.TryAddSingleton<DefinitionCache>();
        services.TryAddScoped(sp => new EngineServices(sp, sp.GetRequiredService<IOptions<EngineOptions>>(), sp.GetRequiredService<IWorkingCalendar>()));
        services.TryAddScoped(sp => new WorkflowEngine(
            sp.GetRequiredService<TContext>(),
            sp.GetRequiredService<DefinitionCache>(),
            sp.GetRequiredService<ServiceTaskRegistry>(),
            sp.GetRequiredService<EngineServices>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ITimerScheduler>(),
            sp.GetRequiredService<ILogger<WorkflowEngine>>()));
        return services;
    }

    /// <summary>Binds a service task handler to the name models use for it.</summary>
    public static IServiceCollection AddServiceTaskHandler<THandler>(this IServiceCollection services, string name)
        where THandler : class, IServiceTaskHandler
    {
        services.AddKeyedScoped<IServiceTaskHandler, THandler>(name);
        services.AddSingleton(new ServiceTaskRegistration(name));
        return services;
    }
}
