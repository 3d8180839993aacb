namespace ApprovalFlow.Web.Features.Lights;

public static class LightsRegistration
{
    public static IServiceCollection AddLights(this IServiceCollection services)
    {
        services.AddOptions<LightOptions>().BindConfiguration(LightOptions.Section)
            .Validate(o => o.YellowShare is >= 0 and <= 1 && o.MinimumYellowDays >= 0, "Lights: YellowShare must be within 0..1 and MinimumYellowDays not negative.");
        services.AddSingleton<LightRule>();
        services.AddSingleton<SubjectLights>();
        return services;
    }
}
