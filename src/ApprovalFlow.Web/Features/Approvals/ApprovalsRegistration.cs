using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Features.Approvals;

public static class ApprovalsRegistration
{
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddScoped<CaseTransitionContext>();
        services.AddScoped<ITransitionObserver, StepKeeper>();
        services.AddScoped<CaseTaskAccess>();
        services.AddScoped<CaseTaskCompletion>();
        services.AddSingleton<StepClock>();
        services.AddScoped<ICalendarChangedListener, StepDeadlinesFollowCalendar>();
        services.AddScoped<ShippedWorkflowUpgrade>();
        services.AddHostedService<ShippedWorkflows>();
        return services;
    }
}
