namespace ApprovalFlow.Web.Features.Documents;

public static class DocumentsRegistration
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentRenderer>();
        services.AddScoped<CaseDocuments>();
        return services;
    }
}
