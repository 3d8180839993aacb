namespace ApprovalFlow.Web.Features.Designer;

public static class DesignerRegistration
{
    public static IServiceCollection AddDesigner(this IServiceCollection services)
    {
        services.AddOptions<DesignerOptions>().BindConfiguration(DesignerOptions.Section);
        services.AddSingleton<ModelFolders>();
        return services;
    }
}
