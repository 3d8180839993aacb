using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Approvals;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>
/// The shipped models as the scenarios name their tasks, and the same models with every element id renamed
/// (issue 12: the approval domain reads roles, never ids). A scenario names a task by its shipped id; the world finds
/// the open task by that element's step and role, so the same scenario runs on the renamed models.
/// </summary>
public static class ShippedModels
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Af = "http://approvalflow.org/schema/1.0/bpmn";

    /// <summary>The prefix of every renamed id (the rest is a hash of the shipped id).</summary>
    public const string RenamedPrefix = "renamed_";

    public static readonly string[] Keys = [ShippedWorkflows.PreConstruction, ShippedWorkflows.PledgeSystem];

    public static string Xml(string key) => File.ReadAllText(Path.Combine(ShippedWorkflows.Folder, key + ".bpmn"));

    /// <summary>Shipped user-task id → (step code, role), from both shipped files.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, (string Step, string Role)>> Roles = new(() =>
        Keys.SelectMany(key => XDocument.Parse(Xml(key)).Descendants(Bpmn + "userTask"))
            .Where(e => e.Attribute(Af + "role") is not null)
            .ToDictionary(e => (string)e.Attribute("id")!, e => ((string)e.Attribute(Af + "stepCode")!, (string)e.Attribute(Af + "role")!)));

    public static (string Step, string Role)? RoleOf(string shippedId) => Roles.Value.TryGetValue(shippedId, out var role) ? role : null;

    /// <summary>The shipped id of an open task of a case answer: its element id, mapped back when it is a renamed one.</summary>
    public static string ShippedIdOf(JsonNode? task)
    {
        var id = task!["elementId"]!.GetValue<string>();
        return Roles.Value.Keys.FirstOrDefault(shipped => Renamed(shipped) == id) ?? id;
    }

    public static string Renamed(string id) =>
        RenamedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..10];

    /// <summary>
    /// The model with every flow element, flow and diagram element renamed (prefix and hash) and every reference to them
    /// changed with it; the process id (the definition key) and every af: attribute stay as they are.
    /// </summary>
    public static string RenameEveryElementId(string xml)
    {
        var document = XDocument.Parse(xml);
        var process = document.Descendants(Bpmn + "process").ToList();
        var ids = process.SelectMany(p => p.Descendants()).Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        foreach (var element in document.Descendants())
        {
            foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == XNamespace.None
                && a.Name.LocalName is "id" or "sourceRef" or "targetRef" or "attachedToRef" or "default" or "bpmnElement"))
            {
                if (ids.Contains(attribute.Value)) attribute.Value = Renamed(attribute.Value);
            }
            if (element.Name == Bpmn + "incoming" || element.Name == Bpmn + "outgoing")
            {
                if (ids.Contains(element.Value.Trim())) element.Value = Renamed(element.Value.Trim());
            }
        }
        return document.ToString(SaveOptions.DisableFormatting);
    }

    private static readonly SemaphoreSlim Publishing = new(1, 1);

    /// <summary>
    /// Publishes both shipped models renamed, as the newest versions of their keys, through the API; once per app
    /// (an app whose newest pre-construction version is already renamed is left as it is).
    /// </summary>
    public static async Task EnsureRenamedAsync(WebApplicationFactory<Program> app, HttpClient admin)
    {
        await Publishing.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var newest = (await engine.ListDefinitionsAsync()).Where(d => d.Key == ShippedWorkflows.PreConstruction).MaxBy(d => d.Version);
            if (newest is not null && (await engine.GetDefinitionXmlAsync(newest.Id))!.Contains(RenamedPrefix, StringComparison.Ordinal)) return;
            await PublishRenamedAsync(admin);
        }
        finally
        {
            Publishing.Release();
        }
    }

    private static async Task PublishRenamedAsync(HttpClient admin)
    {
        foreach (var key in Keys)
        {
            var content = new StringContent(RenameEveryElementId(Xml(key)), Encoding.UTF8, "application/xml");
            await (await admin.PostAsync("/api/definitions", content)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
    }
}
