using System.Net;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>Sends a command as a caller who must be refused, and checks the refusal and that nothing was written.</summary>
public static class Knock
{
    public static async Task ShouldBeRefusedAsync(AuthorizationWorld world, string commandName, string caller)
    {
        var command = RefusedCommands.Named(commandName);
        if (command.OnCaseOfItsOwn) world = await world.WithFreshCaseAsync();
        if (command.Prepare is { } prepare) await prepare(world);
        var expected = command.Refused[caller];
        var before = await world.SnapshotAsync();

        using var request = new HttpRequestMessage(command.Method, command.Path(world)) { Content = command.Body(world) };
        var response = await world.Client(caller).SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(expected);
        if (expected == HttpStatusCode.NotFound) problem["detail"].ShouldNotBeNull();

        var after = await world.SnapshotAsync();
        after.Counts.ShouldBe(before.Counts, $"{caller} → {commandName} wrote rows");
        after.CaseJson.ShouldBe(before.CaseJson, $"{caller} → {commandName} changed a case");
        // docs/audit.md: a refused attempt is evidence and may be logged, but only as refused or failed.
        (await world.AuditOutcomesAfterAsync(before.LastAuditSequence)).ShouldAllBe(o => o != AuditOutcome.Succeeded);
    }
}
