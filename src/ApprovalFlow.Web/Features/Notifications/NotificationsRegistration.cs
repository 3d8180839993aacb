using Hangfire;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>The in-app inbox and the e-mail outbox.</summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.RetryBaseSeconds >= 1 && o.BatchSize >= 1 && !string.IsNullOrWhiteSpace(o.DeliveryCron),
                "Notifications: MaxAttempts, RetryBaseSeconds and BatchSize must be at least 1 and DeliveryCron set.");
        services.AddScoped<Notifier>();
        services.AddScoped<CaseNews>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<OutboxDelivery>();
        services.AddTransient<OutboxDeliveryJob>();
        return services;
    }

    /// <summary>Only with Hangfire enabled.</summary>
    public static WebApplication MapOutboxDeliveryJob(this WebApplication app)
    {
        var cron = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.DeliveryCron;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<OutboxDeliveryJob>(
            OutboxDeliveryJob.Id, job => job.DeliverAsync(CancellationToken.None), cron);
        return app;
    }
}
