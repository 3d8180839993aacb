using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>
/// Sends the real use cases as the seeded demo accounts, each in a scope of its own as a request would, so that the
/// audit log, the step histories and the engine's history are those of ordinary work.
/// </summary>
public sealed class DemoSession(IServiceScopeFactory scopes, CancellationToken ct)
{
    private readonly Dictionary<string, Actor> _actors = [];

    public int Commands { get; private set; }

    public CancellationToken Cancellation => ct;

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
        Commands++;
        return result;
    }

    public async Task<Actor> ActorAsync(DemoAccount account)
    {
        if (_actors.TryGetValue(account.Email, out var actor)) return actor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"The demo account {account.Email} has not been seeded.");
        actor = new Actor(userId, account.Email, new HashSet<string> { account.Role });
        _actors[account.Email] = actor;
        return actor;
    }

    public Task<Actor> OfficerAsync(string department) => ActorAsync(DemoAccount.OfficerOf(department));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The case's open task of a step with a role (af:stepCode, af:role), as the case answer names them.</summary>
    public static Guid TaskOf(CaseResponse approvalCase, string stepCode, string role) =>
        approvalCase.OpenTasks.SingleOrDefault(t => t.StepCode == stepCode && t.Role == role)?.Id
        ?? throw new InvalidOperationException(
            $"Demo case {approvalCase.ProjectCode} has no open {role} task of step {stepCode}; open: {string.Join(", ", approvalCase.OpenTasks.Select(t => t.StepCode + "/" + t.Role))}.");
}
