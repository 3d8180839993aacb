using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class IncidentTests
{
    /// <summary>Fails while <see cref="FailuresLeft"/> is above zero, like a registry that is down for a while.</summary>
    private sealed class FlakyRegistry
    {
        public int FailuresLeft;
        public int Calls;
    }

    private sealed class PushToRegistryHandler(FlakyRegistry registry) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref registry.Calls);
            context.Variables["pushedAt"] = "attempted";
            if (Interlocked.Decrement(ref registry.FailuresLeft) >= 0) throw new InvalidOperationException("投资项目在线审批监管平台 unavailable (HTTP 503)");
            context.Variables["registryReceipt"] = "R-1";
            return ValueTask.CompletedTask;
        }
    }

    private static readonly string Model = Process("push", $"""
        <startEvent id="start" /><userTask id="decide" />
        <serviceTask id="push" af:handler="pushToRegistry" />
        <userTask id="issue" /><endEvent id="end" />
        {Flow("a", "start", "decide")}{Flow("b", "decide", "push")}{Flow("c", "push", "issue")}{Flow("d", "issue", "end")}
        """);

    private static async Task<(EngineHarness, FlakyRegistry)> HarnessAsync(StoreKind store, int failures)
    {
        var registry = new FlakyRegistry { FailuresLeft = failures };
        var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(registry);
            s.AddServiceTaskHandler<PushToRegistryHandler>("pushToRegistry");
            s.Configure<EngineOptions>(o => o.ServiceTaskRetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)]);
        });
        await h.DeployAsync(Model);
        return (h, registry);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_failing_service_task_keeps_the_decision_and_is_retried_with_backoff_until_it_succeeds(StoreKind store)
    {
        var (h, registry) = await HarnessAsync(store, failures: 2);
        await using var _ = h;
        var instance = await h.StartAsync("push");

        var afterDecision = await h.CompleteAsync(instance.Id, "decide", new { approved = true });
        afterDecision.ActiveElementIds.ShouldBe(["push"]);
        afterDecision.Variables.ContainsKey("pushedAt").ShouldBeFalse(); // a failed attempt leaves no half-written variables
        (await h.Db().Set<HumanTaskRecord>().SingleAsync(t => t.ElementId == "decide")).Status.ShouldBe(HumanTaskStatus.Completed);

        h.Clock.Advance(TimeSpan.FromSeconds(59));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1); // second attempt fails too
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["push"]);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1); // third attempt succeeds

        registry.Calls.ShouldBe(3);
        var now = await h.InstanceAsync(instance.Id);
        now.ActiveElementIds.ShouldBe(["issue"]);
        now.Variables["registryReceipt"]!.GetValue<string>().ShouldBe("R-1");
        (await h.Engine().ListIncidentsAsync(instance.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task After_the_last_retry_the_case_gets_an_incident_that_an_administrator_retries_to_success(StoreKind store)
    {
        var (h, registry) = await HarnessAsync(store, failures: 4);
        await using var _ = h;
        var instance = await h.StartAsync("push");
        await h.CompleteAsync(instance.Id, "decide");
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Engine().FireDueTimersAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.Engine().FireDueTimersAsync();

        var incident = (await h.Engine().ListIncidentsAsync(instance.Id)).ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("push");
        incident.Message.ShouldContain("HTTP 503");
        incident.Attempts.ShouldBe(3);
        h.Clock.Advance(TimeSpan.FromDays(1));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0); // no more automatic retries

        var stillFailing = await h.Engine().RetryIncidentAsync(incident.Id, "admin");
        stillFailing.Status.ShouldBe("open");
        stillFailing.Attempts.ShouldBe(4);
        var fixedNow = await h.Engine().RetryIncidentAsync(incident.Id, "admin");
        fixedNow.Status.ShouldBe("resolved");
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["issue"]);
        await Should.ThrowAsync<IncidentClosedException>(() => h.Engine().RetryIncidentAsync(incident.Id, "admin"));
        (await h.Engine().ListIncidentsAsync(instance.Id)).ShouldBeEmpty();
        registry.Calls.ShouldBe(5);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task An_incident_resolved_by_hand_moves_the_case_on_without_the_handler(StoreKind store)
    {
        var (h, registry) = await HarnessAsync(store, failures: 100);
        await using var _ = h;
        registry.FailuresLeft = 100;
        var instance = await h.StartAsync("push");
        await h.CompleteAsync(instance.Id, "decide");
        for (var i = 0; i < 3; i++) { h.Clock.Advance(TimeSpan.FromMinutes(10)); await h.Engine().FireDueTimersAsync(); }
        var incident = (await h.Engine().ListIncidentsAsync(instance.Id)).ShouldHaveSingleItem();

        await Should.ThrowAsync<EngineException>(() => h.Engine().ResolveIncidentAsync(incident.Id, " ", "admin"));
        var resolved = await h.Engine().ResolveIncidentAsync(incident.Id, "entered in the platform by hand", "admin");
        resolved.Resolution.ShouldBe("entered in the platform by hand");
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["issue"]);
    }
}
