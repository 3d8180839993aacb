using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Designer;

public static class DesignerRegistration
{
    public static IServiceCollection AddDesigner(this IServiceCollection services)
    {
        services.AddOptions<DesignerOptions>().BindConfiguration(DesignerOptions.Section);
        services.AddSingleton<ModelFolders>();
        // Every deployment (POST /api/definitions, the designer's publish, the shipped models at start) and the designer's
        // validation check approval models against the approval contract.
        services.AddScoped<IModelValidator, ApprovalContract>();
        return services;
    }
}
