using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>
    /// A migration places tokens inside an embedded sub-process the case was not in: its scope token is created as if the
    /// sub-process had been entered, without running its start event. Its boundary events and its event sub-processes'
    /// start events are armed; history and the element-instance rows record it as <c>migrated-into</c>.
    /// </summary>
    public Token EnterScopeByMigration(FlowNode subProcess, Guid? parentScopeId)
    {
        var scope = NewToken(parentScopeId);
        scope.ElementId = subProcess.Id;
        History(subProcess, scope, "migrated-into", actor, null);
        AttachBoundaryEvents(scope, subProcess);
        ArmEventSubProcesses(subProcess.Inner!, scope.Id);
        return scope;
    }

    /// <summary>
    /// A migration took every token out of a sub-process: its scope token goes, with what it and its event sub-processes'
    /// start events wait on (boundary timers and subscriptions); recorded as <c>migrated-out</c>.
    /// </summary>
    /// <param name="node">The sub-process as the token knows it (the old version's element when the new version lacks it).</param>
    public void LeaveScopeByMigration(Token scope, FlowNode node)
    {
        RemoveToken(scope, null);
        History(node, scope, "migrated-out", actor, null);
    }
}
