using System.Net;
using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Chasing;

/// <summary>The recurring jobs of chasing and e-mail in Hangfire's storage, and the dashboard closed to department heads.</summary>
public sealed class ChasingJobsTests(HangfireWebAppFactory factory) : IClassFixture<HangfireWebAppFactory>
{
    [Fact]
    public void The_chase_sweep_and_the_outbox_delivery_recur_on_their_default_crons()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();

        jobs.Single(j => j.Id == ChaseSweepJob.Id).Cron.ShouldBe("*/5 * * * *");
        jobs.Single(j => j.Id == OutboxDeliveryJob.Id).Cron.ShouldBe("* * * * *");
    }

    [Fact]
    public async Task A_seeded_department_head_is_refused_the_dashboard()
    {
        var head = DemoAccount.DepartmentHeads.First();
        var client = await factory.LoginAsync(head.Email);

        (await client.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await factory.ClientForAsync(Accounts.Admin)).GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
