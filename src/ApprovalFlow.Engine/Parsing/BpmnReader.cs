using System.Text;
using System.Xml;
using System.Xml.Linq;
using ApprovalFlow.Engine.Expressions;
using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML into a <see cref="ProcessModel"/> and validates it. Every problem found is
/// reported at once; a model with any problem is refused whole (<see cref="DefinitionInvalidException"/>).
/// </summary>
public static class BpmnReader
{
    private static readonly HashSet<string> IgnoredElements =
    [
        "laneSet", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "documentation", "extensionElements", "property", "ioSpecification",
        "dataInputAssociation", "dataOutputAssociation", "category", "auditing", "monitoring",
    ];

    private static readonly Dictionary<string, NodeKind> FlowNodeKinds = new()
    {
        ["startEvent"] = NodeKind.StartEvent,
        ["endEvent"] = NodeKind.EndEvent,
        ["userTask"] = NodeKind.UserTask,
        ["serviceTask"] = NodeKind.ServiceTask,
        ["exclusiveGateway"] = NodeKind.ExclusiveGateway,
        ["parallelGateway"] = NodeKind.ParallelGateway,
        ["inclusiveGateway"] = NodeKind.InclusiveGateway,
        ["intermediateCatchEvent"] = NodeKind.IntermediateCatchEvent,
        ["intermediateThrowEvent"] = NodeKind.IntermediateThrowEvent,
        ["boundaryEvent"] = NodeKind.BoundaryEvent,
        ["subProcess"] = NodeKind.SubProcess,
    };

    private static readonly HashSet<string> KnownButUnsupported =
    [
        "task", "manualTask", "scriptTask", "sendTask", "receiveTask", "businessRuleTask", "callActivity",
        "complexGateway", "eventBasedGateway", "transaction", "adHocSubProcess", "callChoreography",
        "choreographyTask", "subChoreography", "implicitThrowEvent",
    ];

    public static ProcessModel Read(byte[] xml, Func<string, bool>? serviceTaskHandlerExists = null)
    {
        string text;
        try
        {
            text = XmlText.Decode(xml);
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException)
        {
            throw new DefinitionInvalidException([new(null, null, null, $"The document cannot be decoded: {ex.Message}")]);
        }
        return Read(text, serviceTaskHandlerExists);
    }

    /// <summary>Reads an already decoded document; an encoding named in its declaration is ignored.</summary>
    public static ProcessModel Read(string xml, Func<string, bool>? serviceTaskHandlerExists = null)
    {
        var errors = new List<ValidationError>();
        var model = TryRead(xml, errors, serviceTaskHandlerExists ?? (_ => false));
        if (errors.Count > 0 || model is null) throw new DefinitionInvalidException(errors);
        return model;
    }

    private static ProcessModel? TryRead(string xml, List<ValidationError> errors, Func<string, bool> handlerExists)
    {
        var doc = Load(xml, errors);
        if (doc?.Root is null) return null;
        var root = doc.Root;
        if (root.Name != BpmnNamespaces.Model + "definitions")
        {
            errors.Add(new(null, root.Name.LocalName, LineOf(root),
                $"The root element must be BPMN 2.0 'definitions' in namespace {BpmnNamespaces.Model}."));
            return null;
        }

        var messages = root.Elements(BpmnNamespaces.Model + "message")
            .Where(m => m.Attribute("id") is not null)
            .GroupBy(m => (string)m.Attribute("id")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("name") ?? g.Key);

        var process = SelectProcess(root, errors);
        if (process is null) return null;

        var context = new ReadContext(errors, messages, handlerExists);
        var key = (string)process.Attribute("id")!;
        var scope = new FlowScope(key, null);
        context.ReadScope(process, scope);
        context.Link();

        var model = new ProcessModel
        {
            Key = key,
            Name = (string?)process.Attribute("name"),
            Root = scope,
            Nodes = context.Nodes,
            Flows = context.Flows,
        };
        ModelValidator.Validate(model, errors);
        return model;
    }

    private static XDocument? Load(string xml, List<ValidationError> errors)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 50_000_000,
            IgnoreComments = true,
        };
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var message = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "A DTD is not allowed in a process model (it could pull in external entities)."
                : $"Malformed XML: {ex.Message}";
            errors.Add(new(null, null, ex.LineNumber > 0 ? ex.LineNumber : null, message));
            return null;
        }
    }

    private static XElement? SelectProcess(XElement root, List<ValidationError> errors)
    {
        var processes = root.Elements(BpmnNamespaces.Model + "process").ToList();
        foreach (var p in processes.Where(p => string.IsNullOrWhiteSpace((string?)p.Attribute("id"))))
            errors.Add(new(null, "process", LineOf(p), "The process has no id."));
        processes = processes.Where(p => !string.IsNullOrWhiteSpace((string?)p.Attribute("id"))).ToList();

        // Empty pools (black boxes in a collaboration) have nothing to run.
        var withContent = processes.Where(p => p.Elements().Any(e => e.Name.Namespace == BpmnNamespaces.Model
            && (FlowNodeKinds.ContainsKey(e.Name.LocalName) || KnownButUnsupported.Contains(e.Name.LocalName)))).ToList();
        var executable = withContent.Where(p => string.Equals((string?)p.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = executable.Count > 0 ? executable : withContent;
        if (candidates.Count == 1) return candidates[0];
        if (candidates.Count == 0)
            errors.Add(new(null, "definitions", LineOf(root), "The file holds no process with flow elements to run."));
        else
            foreach (var p in candidates)
                errors.Add(new((string?)p.Attribute("id"), "process", LineOf(p),
                    $"The file holds {candidates.Count} runnable processes; deploy one process per file (or mark exactly one isExecutable=\"true\")."));
        return null;
    }

    internal static int? LineOf(XObject x) => x is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : null;

    private sealed class ReadContext(List<ValidationError> errors, Dictionary<string, string> messages, Func<string, bool> handlerExists)
    {
        public Dictionary<string, FlowNode> Nodes { get; } = [];
        public Dictionary<string, SequenceFlow> Flows { get; } = [];
        private readonly List<(XElement Element, FlowScope Scope)> pendingFlows = [];
        private readonly List<(FlowNode Node, XElement Element)> pendingNodes = [];
        private readonly HashSet<string> ids = [];

        private void Error(XElement e, string message) =>
            errors.Add(new((string?)e.Attribute("id"), e.Name.LocalName, LineOf(e), message));

        public void ReadScope(XElement container, FlowScope scope)
        {
            foreach (var e in container.Elements())
            {
                if (e.Name.Namespace != BpmnNamespaces.Model) continue;
                var local = e.Name.LocalName;
                if (IgnoredElements.Contains(local)) continue;
                var id = (string?)e.Attribute("id");
                if (local is "sequenceFlow" or "association" || FlowNodeKinds.ContainsKey(local) || KnownButUnsupported.Contains(local))
                {
                    if (string.IsNullOrWhiteSpace(id)) { Error(e, "The element has no id."); continue; }
                    if (!ids.Add(id)) { Error(e, $"The id '{id}' is used by more than one element."); continue; }
                }
                if (local == "sequenceFlow") { pendingFlows.Add((e, scope)); continue; }
                if (KnownButUnsupported.Contains(local))
                {
                    Error(e, $"'{local}' is not in the engine's BPMN subset.");
                    continue;
                }
                if (!FlowNodeKinds.TryGetValue(local, out var kind))
                {
                    Error(e, $"'{local}' is not in the engine's BPMN subset.");
                    continue;
                }
                var node = ReadNode(e, kind, scope);
                if (node is null) continue;
                Nodes[node.Id] = node;
                scope.Nodes.Add(node);
                pendingNodes.Add((node, e));
                if (kind == NodeKind.SubProcess)
                {
                    node.Inner = new FlowScope(node.Id, node);
                    ReadScope(e, node.Inner);
                }
            }
        }

        private FlowNode? ReadNode(XElement e, NodeKind kind, FlowScope scope)
        {
            var id = (string)e.Attribute("id")!;
            foreach (var loop in e.Elements().Where(c => c.Name.Namespace == BpmnNamespaces.Model
                         && c.Name.LocalName is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics"))
                Error(e, $"'{loop.Name.LocalName}' (loops and multi-instance) is not in the engine's BPMN subset yet.");

            if (kind == NodeKind.SubProcess && string.Equals((string?)e.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Error(e, "Event sub-processes are not in the engine's BPMN subset.");
                return null;
            }

            var (trigger, timer, messageName) = ReadEventDefinition(e, kind);
            return new FlowNode
            {
                Id = id,
                Name = (string?)e.Attribute("name"),
                Kind = kind,
                ElementType = e.Name.LocalName,
                Line = LineOf(e),
                Scope = scope,
                Trigger = trigger,
                Timer = timer,
                MessageName = messageName,
                CancelActivity = !string.Equals((string?)e.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase),
                Assignment = kind == NodeKind.UserTask ? ReadAssignment(e) : TaskAssignment.None,
                HandlerName = kind == NodeKind.ServiceTask ? ReadHandler(e) : null,
                Extensions = e.Attributes()
                    .Where(a => a.Name.Namespace == BpmnNamespaces.ApprovalFlow)
                    .ToDictionary(a => a.Name.LocalName, a => a.Value),
            };
        }

        private (EventTrigger, TimerDefinition?, string?) ReadEventDefinition(XElement e, NodeKind kind)
        {
            var definitions = e.Elements()
                .Where(c => c.Name.Namespace == BpmnNamespaces.Model && c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
                .ToList();
            var refs = e.Elements(BpmnNamespaces.Model + "eventDefinitionRef").ToList();
            if (refs.Count > 0) Error(e, "Shared event definitions (eventDefinitionRef) are not supported; define the event inline.");
            if (definitions.Count == 0) return (EventTrigger.None, null, null);
            if (definitions.Count > 1)
            {
                Error(e, "An event with several triggers (multiple event definitions) is not in the engine's BPMN subset.");
                return (EventTrigger.None, null, null);
            }
            var def = definitions[0];
            var allowed = kind switch
            {
                NodeKind.StartEvent => Array.Empty<string>(),
                NodeKind.EndEvent => ["terminateEventDefinition"],
                NodeKind.IntermediateCatchEvent or NodeKind.BoundaryEvent => ["timerEventDefinition", "messageEventDefinition"],
                _ => Array.Empty<string>(),
            };
            if (!allowed.Contains(def.Name.LocalName))
            {
                Error(e, $"A {e.Name.LocalName} with '{def.Name.LocalName}' is not in the engine's BPMN subset.");
                return (EventTrigger.None, null, null);
            }
            return def.Name.LocalName switch
            {
                "terminateEventDefinition" => (EventTrigger.Terminate, null, null),
                "timerEventDefinition" => (EventTrigger.Timer, ReadTimer(e, def), null),
                _ => (EventTrigger.Message, null, ReadMessageName(e, def)),
            };
        }

        private TimerDefinition? ReadTimer(XElement e, XElement def)
        {
            var duration = def.Element(BpmnNamespaces.Model + "timeDuration");
            var date = def.Element(BpmnNamespaces.Model + "timeDate");
            var cycle = def.Element(BpmnNamespaces.Model + "timeCycle");
            if (cycle is not null)
            {
                Error(e, "Timer cycles (timeCycle) are not in the engine's BPMN subset; use a duration or a date.");
                return null;
            }
            var (kind, source) = duration is not null ? (TimerKind.Duration, duration) : (TimerKind.Date, date);
            if (source is null || string.IsNullOrWhiteSpace(source.Value))
            {
                Error(e, "The timer has no timeDuration or timeDate.");
                return null;
            }
            var text = source.Value.Trim();
            if (TaskAssignment.IsExpression(text))
            {
                if (!ConditionExpression.TryParse(text, out var expr, out var why))
                {
                    Error(e, $"The timer expression '{text}' cannot be parsed: {why}");
                    return null;
                }
                return new TimerDefinition(kind, text, expr);
            }
            var ok = kind == TimerKind.Duration ? IsoDuration.TryParse(text, out _) : IsoDate.TryParseUtc(text, out _);
            if (!ok)
            {
                Error(e, kind == TimerKind.Duration
                    ? $"'{text}' is not an ISO 8601 duration such as P5D or PT2H."
                    : $"'{text}' is not an ISO 8601 date-time such as 2026-12-01T09:00:00+08:00.");
                return null;
            }
            return new TimerDefinition(kind, text, null);
        }

        private string? ReadMessageName(XElement e, XElement def)
        {
            var messageRef = (string?)def.Attribute("messageRef");
            if (string.IsNullOrWhiteSpace(messageRef))
            {
                Error(e, "The message event names no message (messageRef is missing).");
                return null;
            }
            var local = messageRef.Contains(':') ? messageRef[(messageRef.IndexOf(':') + 1)..] : messageRef;
            if (messages.TryGetValue(messageRef, out var name) || messages.TryGetValue(local, out name)) return name;
            Error(e, $"messageRef '{messageRef}' names no message of this file.");
            return null;
        }

        private static TaskAssignment ReadAssignment(XElement e)
        {
            string? Attr(string name) =>
                ((string?)e.Attribute(BpmnNamespaces.ApprovalFlow + name)
                 ?? (string?)e.Attribute(BpmnNamespaces.Camunda + name)
                 ?? (string?)e.Attribute(BpmnNamespaces.Flowable + name)
                 ?? (string?)e.Attribute(BpmnNamespaces.Activiti + name)) is { Length: > 0 } v ? v : null;
            return new TaskAssignment(Attr("assignee"), Attr("candidateGroups"));
        }

        private string? ReadHandler(XElement e)
        {
            var name = (string?)e.Attribute(BpmnNamespaces.ApprovalFlow + "handler");
            var delegateExpression = (string?)e.Attribute(BpmnNamespaces.Camunda + "delegateExpression");
            if (string.IsNullOrWhiteSpace(name) && delegateExpression is { } d)
            {
                var inner = d.Trim();
                if (inner.StartsWith("${", StringComparison.Ordinal) && inner.EndsWith('}')) name = inner[2..^1].Trim();
            }
            if (string.IsNullOrWhiteSpace(name))
            {
                Error(e, "The service task names no handler (af:handler=\"name\" or camunda:delegateExpression=\"${name}\").");
                return null;
            }
            if (!handlerExists(name))
            {
                Error(e, $"No service task handler named '{name}' is registered.");
                return null;
            }
            return name;
        }

        public void Link()
        {
            foreach (var (e, scope) in pendingFlows)
            {
                var id = (string)e.Attribute("id")!;
                var sourceRef = (string?)e.Attribute("sourceRef");
                var targetRef = (string?)e.Attribute("targetRef");
                var source = Resolve(e, scope, sourceRef, "sourceRef");
                var target = Resolve(e, scope, targetRef, "targetRef");
                ConditionExpression? condition = null;
                var conditionElement = e.Element(BpmnNamespaces.Model + "conditionExpression");
                if (conditionElement is not null && !string.IsNullOrWhiteSpace(conditionElement.Value))
                {
                    var language = (string?)conditionElement.Attribute("language");
                    if (language is not null && !language.Contains("juel", StringComparison.OrdinalIgnoreCase)
                        && !language.Contains("expression", StringComparison.OrdinalIgnoreCase))
                        Error(e, $"Condition language '{language}' is not supported; use a ${{...}} expression.");
                    else if (!ConditionExpression.TryParse(conditionElement.Value.Trim(), out condition, out var why))
                        Error(e, $"The condition '{conditionElement.Value.Trim()}' cannot be parsed: {why}");
                }
                if (source is null || target is null) continue;
                var flow = new SequenceFlow
                {
                    Id = id,
                    Name = (string?)e.Attribute("name"),
                    Source = source,
                    Target = target,
                    Condition = condition,
                    Line = LineOf(e),
                };
                Flows[id] = flow;
                source.Outgoing.Add(flow);
                target.Incoming.Add(flow);
            }

            foreach (var (node, e) in pendingNodes)
            {
                if ((string?)e.Attribute("default") is { Length: > 0 } defaultRef)
                {
                    if (Flows.TryGetValue(defaultRef, out var flow) && flow.Source == node) node.DefaultFlow = flow;
                    else Error(e, $"The default flow '{defaultRef}' is not an outgoing sequence flow of this element.");
                }
                if (node.Kind == NodeKind.BoundaryEvent)
                {
                    var attachedRef = (string?)e.Attribute("attachedToRef");
                    if (string.IsNullOrWhiteSpace(attachedRef)) { Error(e, "The boundary event has no attachedToRef."); continue; }
                    if (!Nodes.TryGetValue(attachedRef, out var host) || host.Scope != node.Scope)
                    {
                        Error(e, $"attachedToRef '{attachedRef}' names no activity in the same scope.");
                        continue;
                    }
                    if (host.Kind is not (NodeKind.UserTask or NodeKind.SubProcess))
                    {
                        Error(e, $"Boundary events are supported on user tasks and sub-processes, not on {host.ElementType} '{host.Id}'.");
                        continue;
                    }
                    node.AttachedTo = host;
                    host.BoundaryEvents.Add(node);
                }
            }
        }

        private FlowNode? Resolve(XElement flow, FlowScope scope, string? reference, string attribute)
        {
            if (string.IsNullOrWhiteSpace(reference)) { Error(flow, $"The sequence flow has no {attribute}."); return null; }
            if (!Nodes.TryGetValue(reference, out var node))
            {
                Error(flow, ids.Contains(reference)
                    ? $"{attribute} '{reference}' names an element that was refused or is not a flow node."
                    : $"{attribute} '{reference}' names no element of this process (dangling reference).");
                return null;
            }
            if (node.Scope != scope)
            {
                Error(flow, $"{attribute} '{reference}' lies in another scope; a sequence flow may not cross a sub-process boundary.");
                return null;
            }
            return node;
        }
    }
}
