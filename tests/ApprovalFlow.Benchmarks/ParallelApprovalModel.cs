using System.Text;

namespace ApprovalFlow.Benchmarks;

/// <summary>The 5-branch parallel approval: start → fork → land, planning, eia, safety, permit → join → end.</summary>
public static class ParallelApprovalModel
{
    public const string Key = "parallel_approval";

    public static readonly IReadOnlyList<string> Branches = ["land", "planning", "eia", "safety", "permit"];

    /// <summary>The model; <paramref name="groups"/> names each branch's candidate group (default: the branch name).</summary>
    public static string Xml(IReadOnlyList<string>? groups = null, string key = Key)
    {
        groups ??= Branches;
        var body = new StringBuilder();
        body.AppendLine("""    <startEvent id="start" />""");
        body.AppendLine("""    <parallelGateway id="fork" />""");
        body.AppendLine("""    <parallelGateway id="join" />""");
        body.AppendLine("""    <endEvent id="end" />""");
        body.AppendLine(Flow("f_start", "start", "fork"));
        body.AppendLine(Flow("f_end", "join", "end"));
        for (var b = 0; b < Branches.Count; b++)
        {
            var branch = Branches[b];
            body.AppendLine($"""    <userTask id="{branch}" name="{branch} review" camunda:candidateGroups="{groups[b]}" />""");
            body.AppendLine(Flow($"f_in_{branch}", "fork", branch));
            body.AppendLine(Flow($"f_out_{branch}", branch, "join"));
        }
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         id="defs_{key}" targetNamespace="http://approvalflow.org/benchmarks">
              <process id="{key}" name="Five-branch parallel approval" isExecutable="true">
            {body}  </process>
            </definitions>
            """;
    }

    private static string Flow(string id, string from, string to) =>
        $"""    <sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />""";
}
