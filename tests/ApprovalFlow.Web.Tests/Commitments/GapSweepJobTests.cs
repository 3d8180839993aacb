using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Commitments;

public sealed class GapSweepJobTests(HangfireWebAppFactory factory) : IClassFixture<HangfireWebAppFactory>
{
    [Fact]
    public void The_gap_sweep_recurs_every_five_minutes_when_hangfire_runs()
    {
        _ = factory.CreateClient();
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var sweep = connection.GetRecurringJobs().Single(j => j.Id == GapSweepJob.Id);
        sweep.Cron.ShouldBe("*/5 * * * *");
        sweep.Job.Type.ShouldBe(typeof(GapSweepJob));
    }

    [Fact]
    public void Without_hangfire_no_job_is_registered_but_the_sweep_service_exists()
    {
        using var plain = new WebAppFactory();
        _ = plain.CreateClient();
        plain.Services.GetService<JobStorage>().ShouldBeNull();
        plain.Services.GetRequiredService<GapSweep>().ShouldNotBeNull();
    }
}
