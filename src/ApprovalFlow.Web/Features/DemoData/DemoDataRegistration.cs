namespace ApprovalFlow.Web.Features.DemoData;

public static class DemoDataRegistration
{
    /// <summary>
    /// Registered after the calendar, the material catalogue and the shipped workflows, whose start-up work the demo
    /// cases need: hosted services start one after the other in the order they were added.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddHostedService<DemoDataSeeder>();
        return services;
    }
}
