using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Operations;

/// <summary>
/// The models the operation scenarios run, each deployed under a key of its own so that the scenarios of one
/// class, which share a database, never see each other's versions.
/// </summary>
public static class OperationModels
{
    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>start → review (group natural-resources) → end.</summary>
    public static string SingleReview(string key) => Process(key, $"""
        <startEvent id="start" />
        <userTask id="review" name="Review the application" camunda:candidateGroups="natural-resources" />
        <endEvent id="end" />
        {Flow("a", "start", "review")}{Flow("b", "review", "end")}
        """);

    /// <summary>A parallel fork: acceptLand → reviewLand on one branch, acceptEia on the other.</summary>
    public static string TwoBranches(string key) => Process(key, $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="acceptLand" camunda:candidateGroups="natural-resources" /><userTask id="reviewLand" camunda:candidateGroups="natural-resources" />
        <userTask id="acceptEia" camunda:candidateGroups="natural-resources" />
        <parallelGateway id="join" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "acceptLand")}{Flow("c", "acceptLand", "reviewLand")}{Flow("d", "reviewLand", "join")}
        {Flow("e", "fork", "acceptEia")}{Flow("f", "acceptEia", "join")}{Flow("g", "join", "end")}
        """);

    public static string ForkV1(string key) => Process(key, $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="land" /><userTask id="eia" />
        <parallelGateway id="join" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "eia")}
        {Flow("fromLand", "land", "join")}{Flow("fromEia", "eia", "join")}{Flow("z", "join", "end")}
        """);

    /// <summary><see cref="ForkV1"/> with its task eia renamed eiaReview and a permit after the join.</summary>
    public static string ForkV2(string key) => Process(key, $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="land" /><userTask id="eiaReview" name="环评审批" />
        <parallelGateway id="join" /><userTask id="permit" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "eiaReview")}
        {Flow("fromLand", "land", "join")}{Flow("fromEia", "eiaReview", "join")}{Flow("y", "join", "permit")}{Flow("z", "permit", "end")}
        """);

    /// <summary>start → push (service task on handler <paramref name="handler"/>) → issue → end.</summary>
    public static string PushToRegistry(string key, string handler) => Process(key, $"""
        <startEvent id="start" />
        <serviceTask id="push" af:handler="{handler}" />
        <userTask id="issue" /><endEvent id="end" />
        {Flow("a", "start", "push")}{Flow("b", "push", "issue")}{Flow("c", "issue", "end")}
        """);

    public static async Task<int> DeployModelAsync(this HttpClient client, string xml)
    {
        var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        var deployed = await (await client.PostAsync("/api/definitions", content)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        return deployed["version"]!.GetValue<int>();
    }

    /// <summary>The one open task of the case at <paramref name="elementId"/>.</summary>
    public static async Task<JsonObject> OpenTaskAsync(this HttpClient client, Guid instanceId, string elementId)
    {
        var tasks = await client.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}");
        return tasks.Select(t => t!.AsObject()).Single(t => t["elementId"]!.GetValue<string>() == elementId);
    }

    public static async Task<Guid> OpenTaskIdAsync(this HttpClient client, Guid instanceId, string elementId) =>
        (await client.OpenTaskAsync(instanceId, elementId))["id"]!.GetValue<Guid>();

    public static IEnumerable<string> Strings(this JsonNode? array) =>
        array!.AsArray().Select(e => e!.GetValue<string>());

    private static string Process(string key, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:af="http://approvalflow.org/schema/1.0/bpmn"
                     id="defs_{key}" targetNamespace="http://approvalflow.test">
          <process id="{key}" isExecutable="true">
        {body}
          </process>
        </definitions>
        """;

    private static string Flow(string id, string from, string to) =>
        $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />""";
}
