namespace ApprovalFlow.Web.Features.Supervision;

public static class SupervisionRegistration
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionOptions>().BindConfiguration(SupervisionOptions.Section)
            .Validate(o => o.NoActionWorkingDays >= 1, "Supervision:NoActionWorkingDays must be at least 1.");
        services.AddScoped<StalledStepsQuery>();
        services.AddScoped<SupervisionFiguresQuery>();
        services.AddScoped<MonthlyRankingsQuery>();
        return services;
    }
}
