using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Timers;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Jobs;

public sealed class HangfireTests(HangfireWebAppFactory factory) : IClassFixture<HangfireWebAppFactory>
{
    public static TheoryData<string> NonAdministrators =>
        [.. DemoAccount.All.Where(a => a.Role != AppRoles.Administrator).Select(a => a.Email)];

    [Fact]
    public async Task The_dashboard_is_refused_to_anonymous_callers()
    {
        var response = await factory.CreateClient().GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task The_dashboard_is_refused_to_anyone_but_an_administrator(string email)
    {
        var client = await factory.LoginAsync(email);

        (await client.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dashboard_opens_for_an_administrator_with_a_bearer_token()
    {
        var admin = await factory.LoginAsync("admin@approvalflow.local");

        var response = await admin.GetAsync("/hangfire");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ApprovalFlow jobs");
    }

    [Fact]
    public async Task The_dashboard_opens_for_an_administrator_logged_in_with_a_cookie()
    {
        var browser = factory.CreateClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { email = "admin@approvalflow.local", password = DemoAccount.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void The_timer_sweep_recurs_every_minute()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var sweep = connection.GetRecurringJobs().Where(j => j.Id == TimerSweepJob.Id).ShouldHaveSingleItem();
        sweep.Cron.ShouldBe(Cron.Minutely());
    }

    [Fact]
    public void The_engine_schedules_its_timers_through_hangfire()
    {
        factory.Services.GetRequiredService<ITimerScheduler>().ShouldBeOfType<HangfireTimerScheduler>();
    }

    [Fact]
    public async Task A_timer_fires_through_its_scheduled_hangfire_job_within_seconds_of_its_due_time()
    {
        var admin = await factory.LoginAsync("admin@approvalflow.local");
        await admin.DeployAsync("short-timer");
        var instanceId = await admin.StartAsync("short-timer");
        (await admin.GetInstanceAsync(instanceId))["status"]!.GetValue<string>().ShouldBe("running");
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // The loop ends as soon as the job has fired; the generous bound only absorbs a loaded CI machine
        // (one seen run: two builds beside the suite on 2 cores kept the job waiting past 20 s).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status;
        bool jobSucceeded;
        do
        {
            await Task.Delay(500);
            status = (await admin.GetInstanceAsync(instanceId))["status"]!.GetValue<string>();
            jobSucceeded = monitoring.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(FireTimerJob));
        }
        while ((status == "running" || !jobSucceeded) && DateTime.UtcNow < deadline);

        status.ShouldBe("completed");
        jobSucceeded.ShouldBeTrue("the timer should have been fired by its scheduled FireTimerJob");
    }
}
