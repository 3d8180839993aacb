using System.Text;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Timers;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Jobs;

public sealed class HistoryPurgeJobTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="purge-me" isExecutable="true">
            <startEvent id="s" /><userTask id="t" /><endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="t" /><sequenceFlow id="f2" sourceRef="t" targetRef="e" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Cases_ended_longer_ago_than_the_retention_setting_are_purged_and_running_ones_kept()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Engine:HistoryRetentionDays", "30");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        Guid ended, running;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            await engine.DeployAsync(Encoding.UTF8.GetBytes(Model), "admin");
            ended = (await engine.StartAsync("purge-me", null, null, "admin")).Id;
            running = (await engine.StartAsync("purge-me", null, null, "admin")).Id;
            await engine.CancelInstanceAsync(ended, "withdrawn", "admin");
        }
        var job = ActivatorUtilities.CreateInstance<HistoryPurgeJob>(app.Services);

        clock.Now = clock.Now.AddDays(29);
        (await job.PurgeAsync(CancellationToken.None)).ShouldBe(0);
        clock.Now = clock.Now.AddDays(2);
        (await job.PurgeAsync(CancellationToken.None)).ShouldBe(1);

        await using var after = app.Services.CreateAsyncScope();
        var reader = after.ServiceProvider.GetRequiredService<WorkflowEngine>();
        (await reader.GetInstanceAsync(ended)).ShouldBeNull();
        (await reader.GetInstanceAsync(running)).ShouldNotBeNull().Status.ShouldBe("running");
    }

    [Fact]
    public async Task Without_a_retention_setting_nothing_is_purged()
    {
        var job = ActivatorUtilities.CreateInstance<HistoryPurgeJob>(factory.Services);
        (await job.PurgeAsync(CancellationToken.None)).ShouldBe(0);
    }
}
