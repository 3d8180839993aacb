using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Tests.Workflows;

/// <summary>The BPMN files of workflows/, copied beside the test assembly and deployed byte for byte as shipped.</summary>
public static class ShippedWorkflow
{
    public const string PreConstruction = "pre-construction-approval";
    public const string PledgeSystem = "pledge-system-approval";

    public static string PathOf(string key) => Path.Combine(AppContext.BaseDirectory, "workflows", key + ".bpmn");

    public static byte[] Bytes(string key) => File.ReadAllBytes(PathOf(key));

    public static async Task<DeployedDefinition> DeployShippedAsync(this EngineHarness h, string key) =>
        await h.Engine().DeployAsync(Bytes(key), "test");

    /// <summary>How often an element logged an event, e.g. a marker event "passed" or an end event "reached".</summary>
    public static async Task<int> CountAsync(this EngineHarness h, Guid instanceId, string elementId, string what) =>
        await h.Db().Set<HistoryRecord>().CountAsync(r => r.InstanceId == instanceId && r.ElementId == elementId && r.Event == what);

    public static async Task<List<string>> OpenTaskElementsAsync(this EngineHarness h, Guid instanceId) =>
        (await h.TasksAsync(instanceId)).Select(t => t.ElementId).ToList();
}
