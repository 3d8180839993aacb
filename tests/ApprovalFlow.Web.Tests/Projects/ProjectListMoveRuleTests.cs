using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Projects;

/// <summary>
/// The page calls the command without the route's gate in front: the command itself refuses who may not move projects
/// between lists, with the same rule the page asks before showing the button.
/// </summary>
public sealed class ProjectListMoveRuleTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData(AppRoles.Officer)]
    [InlineData(AppRoles.Enterprise)]
    [InlineData(AppRoles.PairedLeader)]
    [InlineData(AppRoles.DepartmentHead)]
    public async Task The_command_refuses_anyone_but_administrators_and_supervisors(string role)
    {
        var actor = new Actor(Guid.NewGuid().ToString(), "someone@test.local", new HashSet<string> { role });
        ChangeProjectList.MayMove(actor).ShouldBeFalse();
        await using var scope = factory.Services.CreateAsyncScope();
        var refused = await Should.ThrowAsync<RefusedException>(() =>
            scope.ServiceProvider.GetRequiredService<ISender>().Send(new ChangeProjectList(actor, Guid.NewGuid(), "reserve", "test")).AsTask());
        refused.Status.ShouldBe(403);
        refused.Message.ShouldContain("管理员和督查人员");
    }

    [Theory]
    [InlineData(AppRoles.Administrator)]
    [InlineData(AppRoles.Supervisor)]
    public void Administrators_and_supervisors_may(string role) =>
        ChangeProjectList.MayMove(new Actor("id", "name", new HashSet<string> { role })).ShouldBeTrue();
}
