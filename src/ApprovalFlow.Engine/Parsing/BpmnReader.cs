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

    /// <summary>Children a sub-process holds about itself, not flow elements of its inner scope: read (or refused) with the node.</summary>
    private static readonly HashSet<string> OwnChildrenOfSubProcess =
    [
        "incoming", "outgoing", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    ];

    /// <summary>Deeper element nesting is refused before the tree is built: it costs quadratic time to load and could exhaust the stack.</summary>
    internal const int MaxElementDepth = 200;

    /// <summary>
    /// Flow elements (nodes and sequence flows, every process of the file together) above which a file is refused: the
    /// largest shipped model has a few hundred, and the graph checks must stay quick.
    /// </summary>
    public const int MaxFlowElements = 50_000;

    /// <summary>Executable processes one file may deploy: each is stored with the whole file, so many of them multiply its size.</summary>
    public const int MaxProcessesPerFile = 50;

    /// <summary>The longest process or element id and name the engine stores (the columns of its tables).</summary>
    public const int MaxIdLength = 200;

    public const int MaxNameLength = 400;

    /// <summary>The names of the messages and signals a process starts on, comma-separated, as the deployment stores them.</summary>
    public const int MaxStartNamesLength = 1000;

    /// <summary>A refusal lists at most this many problems, and says how many more there were.</summary>
    public const int MaxListedErrors = 500;

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
        ["eventBasedGateway"] = NodeKind.EventBasedGateway,
        ["callActivity"] = NodeKind.CallActivity,
        // Leniency for models drawn in other tools: an abstract or manual task passes straight through, a
        // receive task waits for its message, send and business-rule tasks run a registered handler.
        ["task"] = NodeKind.PassThroughTask,
        ["manualTask"] = NodeKind.PassThroughTask,
        ["receiveTask"] = NodeKind.ReceiveTask,
        ["sendTask"] = NodeKind.ServiceTask,
        ["businessRuleTask"] = NodeKind.ServiceTask,
    };

    private static readonly HashSet<string> KnownButUnsupported =
    [
        "scriptTask", "complexGateway", "transaction", "adHocSubProcess", "callChoreography",
        "choreographyTask", "subChoreography", "implicitThrowEvent",
    ];

    /// <summary>
    /// The first executable process of the file (document order), after every executable process in it was read
    /// and validated. A file with several pools may hold several: <see cref="ReadAll(byte[], Func{string, bool}?)"/> gives them all.
    /// </summary>
    public static ProcessModel Read(byte[] xml, Func<string, bool>? serviceTaskHandlerExists = null) =>
        ReadAll(Decode(xml), serviceTaskHandlerExists)[0];

    /// <summary>Every executable process of the file, in document order; refused whole if any of them has a problem.</summary>
    public static IReadOnlyList<ProcessModel> ReadAll(byte[] xml, Func<string, bool>? serviceTaskHandlerExists = null) =>
        ReadAll(Decode(xml), serviceTaskHandlerExists);

    /// <summary>The document's text, decoded as its byte-order mark or declaration says; refused with a line if it cannot be.</summary>
    public static string Decode(byte[] xml)
    {
        try
        {
            return XmlText.Decode(xml);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DefinitionInvalidException([new(null, null, XmlText.LineOfByte(xml, ex.Index),
                $"The document cannot be decoded: {ex.Message}")]);
        }
        catch (ArgumentException ex)
        {
            // An encoding name the platform does not know: it stands in the declaration, on the first line.
            throw new DefinitionInvalidException([new(null, null, 1, $"The document cannot be decoded: {ex.Message}")]);
        }
    }

    /// <summary>Reads an already decoded document (an encoding named in its declaration is ignored): its first executable process.</summary>
    public static ProcessModel Read(string xml, Func<string, bool>? serviceTaskHandlerExists = null) =>
        ReadAll(xml, serviceTaskHandlerExists)[0];

    /// <summary>
    /// Reads the executable process with the given id (the definition key) out of an already decoded document.
    /// Only that process is validated: a stored file is read back for one of its processes.
    /// </summary>
    public static ProcessModel Read(string xml, Func<string, bool>? serviceTaskHandlerExists, string processKey)
    {
        var errors = new List<ValidationError>();
        var models = TryRead(xml, errors, serviceTaskHandlerExists ?? (_ => false), processKey);
        if (errors.Count > 0 || models.Count == 0) throw new DefinitionInvalidException(errors.Count > 0 ? Listed(errors)
            : [new(processKey, "process", null, $"The file holds no executable process '{processKey}'.")]);
        return models[0];
    }

    /// <summary>Every executable process of an already decoded document, in document order.</summary>
    public static IReadOnlyList<ProcessModel> ReadAll(string xml, Func<string, bool>? serviceTaskHandlerExists = null)
    {
        var errors = new List<ValidationError>();
        var models = TryRead(xml, errors, serviceTaskHandlerExists ?? (_ => false), null);
        if (errors.Count > 0 || models.Count == 0) throw new DefinitionInvalidException(Listed(errors));
        return models;
    }

    /// <summary>The first <see cref="MaxListedErrors"/> problems and, when there were more, one line saying how many.</summary>
    private static List<ValidationError> Listed(List<ValidationError> errors)
    {
        if (errors.Count <= MaxListedErrors) return errors;
        var listed = errors.Take(MaxListedErrors).ToList();
        listed.Add(new(null, "definitions", errors[MaxListedErrors].Line ?? 1,
            $"{errors.Count - MaxListedErrors} more problem(s) are not listed; correct the ones above first."));
        return listed;
    }

    private static List<ProcessModel> TryRead(string xml, List<ValidationError> errors, Func<string, bool> handlerExists, string? onlyKey)
    {
        var doc = Load(xml, errors);
        if (doc?.Root is null) return [];
        var root = doc.Root;
        if (root.Name != BpmnNamespaces.Model + "definitions")
        {
            errors.Add(new(null, root.Name.LocalName, LineOf(root),
                $"The root element must be BPMN 2.0 'definitions' in namespace {BpmnNamespaces.Model}."));
            return [];
        }
        NameUnnamedFlows(root);

        var messages = root.Elements(BpmnNamespaces.Model + "message")
            .Where(m => m.Attribute("id") is not null)
            .GroupBy(m => (string)m.Attribute("id")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("name") ?? g.Key);
        // A message is correlated by its name: one without a name is refused where an event or receive task uses it.
        var unnamedMessages = root.Elements(BpmnNamespaces.Model + "message")
            .Where(m => m.Attribute("id") is not null && string.IsNullOrWhiteSpace((string?)m.Attribute("name")))
            .Select(m => (string)m.Attribute("id")!).ToHashSet();

        var signals = root.Elements(BpmnNamespaces.Model + "signal")
            .Where(m => m.Attribute("id") is not null)
            .GroupBy(m => (string)m.Attribute("id")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("name") ?? g.Key);

        var escalationCodes = root.Elements(BpmnNamespaces.Model + "escalation")
            .Where(m => m.Attribute("id") is not null)
            .GroupBy(m => (string)m.Attribute("id")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("escalationCode") ?? (string?)g.First().Attribute("name") ?? g.Key);

        var errorCodes = root.Elements(BpmnNamespaces.Model + "error")
            .Where(m => m.Attribute("id") is not null)
            .GroupBy(m => (string)m.Attribute("id")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("errorCode") ?? (string?)g.First().Attribute("name") ?? g.Key);

        var messageFlows = MessageFlowTargets(root, messages);
        var models = new List<ProcessModel>();
        // A stored definition is read back by its key alone: it was accepted when deployed, whatever the rules for choosing
        // processes were then (an older version took a lone process marked isExecutable="false" too).
        var chosen = onlyKey is null
            ? SelectProcesses(root, errors)
            : root.Elements(BpmnNamespaces.Model + "process").Where(p => (string?)p.Attribute("id") == onlyKey).Take(1).ToList();
        if (onlyKey is null)
        {
            var flowElements = chosen.Sum(p => p.Descendants().Count(e => e.Name.Namespace == BpmnNamespaces.Model
                && (e.Name.LocalName == "sequenceFlow" || FlowNodeKinds.ContainsKey(e.Name.LocalName) || KnownButUnsupported.Contains(e.Name.LocalName))));
            if (flowElements > MaxFlowElements)
            {
                errors.Add(new(null, "definitions", LineOf(root),
                    $"The file holds {flowElements} flow elements (nodes and sequence flows); at most {MaxFlowElements} are accepted. Split the model with call activities."));
                return [];
            }
        }
        foreach (var process in chosen)
        {
            var key = (string)process.Attribute("id")!;
            if (key.Length > MaxIdLength)
                errors.Add(new(key, "process", LineOf(process), $"The process id is {key.Length} characters long; at most {MaxIdLength} are stored."));
            if (((string?)process.Attribute("name"))?.Length is > MaxNameLength and var nameLength)
                errors.Add(new(key, "process", LineOf(process), $"The process name is {nameLength} characters long; at most {MaxNameLength} are stored."));
            var context = new ReadContext(errors, messages, unnamedMessages, signals, errorCodes, escalationCodes, messageFlows, handlerExists);
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
            ModelValidator.Validate(model, errors, LineOf(process), context.FlowsWithRefusedCondition);
            // The deployment lists the names a process starts on in one column of this size.
            var startNames = model.Root.MessageStarts.Concat(model.Root.SignalStarts).Sum(m => (m.SubscriptionName?.Length ?? 0) + 1) + 1;
            if (startNames > MaxStartNamesLength)
                errors.Add(new(key, "process", LineOf(process),
                    $"The names of the messages and signals the process starts on take {startNames} characters together; at most {MaxStartNamesLength} are stored."));
            models.Add(model);
        }
        // Two processes of one deployment starting on one message: a message would not know which to start.
        foreach (var group in models.SelectMany(m => m.Root.MessageStarts.Where(s => s.MessageName is not null).Select(s => (Model: m, Start: s)))
                     .GroupBy(x => x.Start.MessageName).Where(g => g.Select(x => x.Model).Distinct().Count() > 1))
            foreach (var (m, start) in group)
                errors.Add(new(start.Id, start.ElementType, start.Line,
                    $"Processes {string.Join(" and ", group.Select(x => $"'{x.Model.Key}'").Distinct())} of this file both start on message '{group.Key}'; the message could not tell which to start."));
        return models;
    }

    /// <summary>
    /// The collaboration's message flows that the engine delivers: from an element (a send task or message throw event
    /// in a pool) to a message catch of a pool — a receive task, or a start, intermediate or boundary event with a
    /// message definition — by the message's name. Flows to a pool as a whole (a black box) or to other elements are
    /// not run. By source element id.
    /// </summary>
    private static Dictionary<string, List<string>> MessageFlowTargets(XElement root, Dictionary<string, string> messages)
    {
        var result = new Dictionary<string, List<string>>();
        var flows = root.Elements(BpmnNamespaces.Model + "collaboration").Elements(BpmnNamespaces.Model + "messageFlow").ToList();
        if (flows.Count == 0) return result;
        var elements = root.Elements(BpmnNamespaces.Model + "process").Descendants()
            .Where(e => e.Attribute("id") is not null).GroupBy(e => (string)e.Attribute("id")!).ToDictionary(g => g.Key, g => g.First());
        string? MessageOf(XElement target)
        {
            var messageRef = target.Name.LocalName == "receiveTask"
                ? (string?)target.Attribute("messageRef")
                : (string?)target.Element(BpmnNamespaces.Model + "messageEventDefinition")?.Attribute("messageRef");
            if (string.IsNullOrWhiteSpace(messageRef)) return null;
            var local = messageRef.Contains(':') ? messageRef[(messageRef.IndexOf(':') + 1)..] : messageRef;
            return messages.TryGetValue(messageRef, out var name) || messages.TryGetValue(local, out name) ? name : null;
        }
        foreach (var flow in flows)
        {
            var sourceRef = (string?)flow.Attribute("sourceRef");
            var targetRef = (string?)flow.Attribute("targetRef");
            if (sourceRef is null || targetRef is null || !elements.TryGetValue(targetRef, out var target)) continue;
            if (target.Name.LocalName is not ("receiveTask" or "startEvent" or "intermediateCatchEvent" or "boundaryEvent")) continue;
            if (MessageOf(target) is not { } name) continue;
            if (!result.TryGetValue(sourceRef, out var names)) result[sourceRef] = names = [];
            if (!names.Contains(name)) names.Add(name);
        }
        return result;
    }

    /// <summary>
    /// BPMN 2.0 XML makes a sequence flow's id optional (a flow is known by its source and target). A flow without
    /// one gets <c>flow_{source}_{target}_{n}</c>, n its position among its parent's sequence flows (1-based), with a
    /// suffix in the rare case that this id is taken: derived from the text alone, so every read of the same file gives it the same id.
    /// </summary>
    private static void NameUnnamedFlows(XElement root)
    {
        var unnamed = root.Descendants(BpmnNamespaces.Model + "sequenceFlow")
            .Where(f => string.IsNullOrWhiteSpace((string?)f.Attribute("id"))).ToList();
        if (unnamed.Count == 0) return;
        var taken = root.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet()!;
        // Positions counted once per parent: counting the flows before each one anew was quadratic in a flat model.
        var positions = new Dictionary<XElement, int>();
        foreach (var parent in unnamed.Select(f => f.Parent!).Distinct())
        {
            var n = 0;
            foreach (var sibling in parent.Elements(BpmnNamespaces.Model + "sequenceFlow")) positions[sibling] = ++n;
        }
        foreach (var flow in unnamed)
        {
            var position = positions[flow];
            var baseId = $"flow_{(string?)flow.Attribute("sourceRef")}_{(string?)flow.Attribute("targetRef")}_{position}";
            var id = baseId;
            for (var n = 2; !taken.Add(id); n++) id = $"{baseId}_{n}";
            flow.SetAttributeValue("id", id);
        }
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
            // A streaming pass first: it is linear, and stops at the first element nested too deep.
            using (var scan = XmlReader.Create(new StringReader(xml), settings))
            {
                while (scan.Read())
                {
                    if (scan.NodeType == XmlNodeType.Element && scan.Depth >= MaxElementDepth)
                    {
                        var at = (IXmlLineInfo)scan;
                        errors.Add(new(null, scan.LocalName, at.HasLineInfo() ? at.LineNumber : null,
                            $"Elements are nested more than {MaxElementDepth} levels deep; a process model never needs that."));
                        return null;
                    }
                }
            }
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var isDtd = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            var message = isDtd
                ? "A DTD is not allowed in a process model (it could pull in external entities)."
                : $"Malformed XML: {ex.Message}";
            // The refusal of a DTD carries no position, and an empty document fails before any line is read.
            var line = ex.LineNumber > 0 ? ex.LineNumber : isDtd ? LineOfText(xml, "<!DOCTYPE") : 1;
            errors.Add(new(null, null, line, message));
            return null;
        }
    }

    /// <summary>
    /// The processes to run: those with flow elements (empty pools are black boxes in a collaboration). Where some are
    /// marked <c>isExecutable="true"</c>, only those; otherwise every one not marked <c>isExecutable="false"</c>.
    /// A file whose every process is marked not executable (a descriptive model) is refused with one error.
    /// </summary>
    private static List<XElement> SelectProcesses(XElement root, List<ValidationError> errors)
    {
        var processes = root.Elements(BpmnNamespaces.Model + "process").ToList();
        foreach (var p in processes.Where(p => string.IsNullOrWhiteSpace((string?)p.Attribute("id"))))
            errors.Add(new(null, "process", LineOf(p), "The process has no id."));
        processes = processes.Where(p => !string.IsNullOrWhiteSpace((string?)p.Attribute("id"))).ToList();

        var withContent = processes.Where(p => p.Elements().Any(e => e.Name.Namespace == BpmnNamespaces.Model
            && (FlowNodeKinds.ContainsKey(e.Name.LocalName) || KnownButUnsupported.Contains(e.Name.LocalName)))).ToList();
        string? Executable(XElement p) => ((string?)p.Attribute("isExecutable"))?.Trim().ToLowerInvariant();
        var marked = withContent.Where(p => Executable(p) == "true").ToList();
        var candidates = marked.Count > 0 ? marked : withContent.Where(p => Executable(p) != "false").ToList();
        if (candidates.Count > MaxProcessesPerFile)
        {
            errors.Add(new(null, "definitions", LineOf(root),
                $"The file holds {candidates.Count} executable processes; at most {MaxProcessesPerFile} are deployed from one file (each is stored with the whole file)."));
            return [];
        }
        if (candidates.Count > 0)
        {
            foreach (var duplicate in candidates.GroupBy(p => (string)p.Attribute("id")!).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
                errors.Add(new((string?)duplicate.Attribute("id"), "process", LineOf(duplicate), "Two processes of the file have this id."));
            return candidates;
        }
        errors.Add(withContent.Count == 0
            ? new(null, "definitions", LineOf(root), "The file holds no process with flow elements to run.")
            : new(null, "definitions", LineOf(root),
                $"No process in this file is executable: {(withContent.Count == 1 ? "its process is" : $"all {withContent.Count} processes are")} marked isExecutable=\"false\" " +
                "(a descriptive model). Mark the process to run isExecutable=\"true\"."));
        return [];
    }

    private static int LineOfText(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        return index < 0 ? 1 : 1 + text.AsSpan(0, index).Count('\n');
    }

    internal static int? LineOf(XObject x) => x is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : null;

    private sealed class ReadContext(List<ValidationError> errors, Dictionary<string, string> messages, HashSet<string> unnamedMessages,
        Dictionary<string, string> signals,
        Dictionary<string, string> errorCodes, Dictionary<string, string> escalationCodes, Dictionary<string, List<string>> messageFlows,
        Func<string, bool> handlerExists)
    {
        public Dictionary<string, FlowNode> Nodes { get; } = [];
        public Dictionary<string, SequenceFlow> Flows { get; } = [];
        /// <summary>Flows whose condition was refused here: the validator must not call them condition-less as well.</summary>
        public HashSet<string> FlowsWithRefusedCondition { get; } = [];
        private readonly List<(XElement Element, FlowScope Scope)> pendingFlows = [];
        private readonly List<(FlowNode Node, XElement Element)> pendingNodes = [];
        private readonly HashSet<string> ids = [];
        private readonly HashSet<string> declaredFlowIds = [];

        private void Error(XElement e, string message) =>
            errors.Add(new((string?)e.Attribute("id"), e.Name.LocalName, LineOf(e), message));

        public void ReadScope(XElement container, FlowScope scope)
        {
            foreach (var e in container.Elements())
            {
                if (e.Name.Namespace != BpmnNamespaces.Model) continue;
                var local = e.Name.LocalName;
                if (IgnoredElements.Contains(local)) continue;
                if (scope.Owner is not null && OwnChildrenOfSubProcess.Contains(local)) continue;
                var id = (string?)e.Attribute("id");
                if (local is "sequenceFlow" or "association" || FlowNodeKinds.ContainsKey(local) || KnownButUnsupported.Contains(local))
                {
                    if (string.IsNullOrWhiteSpace(id)) { Error(e, "The element has no id."); continue; }
                    if (id.Length > MaxIdLength) { Error(e, $"The id is {id.Length} characters long; at most {MaxIdLength} are stored."); continue; }
                    if (!ids.Add(id)) { Error(e, $"The id '{id}' is used by more than one element."); continue; }
                    if (((string?)e.Attribute("name"))?.Length is > MaxNameLength and var nameLength)
                        Error(e, $"The name is {nameLength} characters long; at most {MaxNameLength} are stored.");
                }
                if (local == "sequenceFlow") { pendingFlows.Add((e, scope)); declaredFlowIds.Add(id!); continue; }
                if (KnownButUnsupported.Contains(local))
                {
                    Error(e, local == "scriptTask"
                        ? "'scriptTask' is not in the engine's BPMN subset: the engine runs no scripts. Use a service task with a registered handler."
                        : $"'{local}' is not in the engine's BPMN subset.");
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
                if (node.Kind is NodeKind.SubProcess or NodeKind.EventSubProcess)
                {
                    node.Inner = new FlowScope(node.Id, node);
                    ReadScope(e, node.Inner);
                }
            }
        }

        private FlowNode? ReadNode(XElement e, NodeKind kind, FlowScope scope)
        {
            var id = (string)e.Attribute("id")!;
            foreach (var loop in e.Elements(BpmnNamespaces.Model + "standardLoopCharacteristics"))
                Error(e, "'standardLoopCharacteristics' (a loop) is not in the engine's BPMN subset; model the loop with a gateway.");
            var multiInstance = ReadMultiInstance(e, kind);

            if (kind == NodeKind.SubProcess && string.Equals((string?)e.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase))
            {
                kind = NodeKind.EventSubProcess; // multi-instance on it was refused above, as on every sub-process
            }

            var sends = messageFlows.GetValueOrDefault(id) ?? [];
            var (trigger, timer, messageName, errorCode) = kind == NodeKind.ReceiveTask
                ? (EventTrigger.Message, null, ReadMessageName(e, e), null)
                : ReadEventDefinition(e, kind, scope);
            if (trigger == EventTrigger.Signal && kind is (NodeKind.IntermediateThrowEvent or NodeKind.EndEvent)
                && (string?)e.Attribute(BpmnNamespaces.ApprovalFlow + FlowNode.SignalScopeAttribute) is { } signalScope
                && signalScope.Trim() != FlowNode.InstanceSignalScope)
                Error(e, $"af:{FlowNode.SignalScopeAttribute}=\"{signalScope}\" is not a signal scope: write \"{FlowNode.InstanceSignalScope}\" to keep the signal within its case, or leave it out to broadcast it.");
            // The scope belongs on the throwing event: on its event definition it would be silently ignored and the signal
            // broadcast to every case.
            foreach (var definition in e.Elements().Where(d => d.Name.Namespace == BpmnNamespaces.Model && d.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)))
                if (definition.Attribute(BpmnNamespaces.ApprovalFlow + FlowNode.SignalScopeAttribute) is not null)
                    Error(definition, $"af:{FlowNode.SignalScopeAttribute} belongs on the event '{id}' itself, not on its {definition.Name.LocalName}.");
            return new FlowNode
            {
                Id = id,
                Name = (string?)e.Attribute("name"),
                NameTemplate = kind == NodeKind.UserTask ? ReadNameTemplate(e) : null,
                Kind = kind,
                ElementType = e.Name.LocalName,
                Line = LineOf(e),
                Scope = scope,
                Trigger = trigger,
                Timer = timer,
                // The definition's name slot carries a message's name or a signal's.
                MessageName = trigger == EventTrigger.Signal ? null : messageName,
                SignalName = trigger == EventTrigger.Signal ? messageName : null,
                // A boundary event's cancelActivity, an event sub-process start's isInterrupting: both default to true.
                CancelActivity = !string.Equals((string?)e.Attribute(kind == NodeKind.StartEvent ? "isInterrupting" : "cancelActivity"), "false",
                    StringComparison.OrdinalIgnoreCase),
                Assignment = kind == NodeKind.UserTask ? ReadAssignment(e) : TaskAssignment.None,
                // A send task or message throw whose message flows the engine delivers needs no handler (one named still runs first).
                HandlerName = kind == NodeKind.ServiceTask ? ReadHandler(e, null, optional: sends.Count > 0 && e.Name.LocalName == "sendTask")
                    // A message throw (intermediate or end) sends through a handler like a send task; Camunda 7 names it on the definition.
                    : kind is NodeKind.IntermediateThrowEvent or NodeKind.EndEvent && trigger == EventTrigger.Message
                        ? ReadHandler(e, e.Element(BpmnNamespaces.Model + "messageEventDefinition"), optional: sends.Count > 0)
                        : null,
                SendsMessages = e.Name.LocalName == "sendTask" || (kind is NodeKind.IntermediateThrowEvent or NodeKind.EndEvent && trigger == EventTrigger.Message)
                    ? sends : [],
                // The definition's fourth slot carries an error code, a link's name or an escalation code.
                ErrorCode = trigger == EventTrigger.Error ? errorCode : null,
                LinkName = trigger == EventTrigger.Link ? errorCode : null,
                EscalationCode = trigger == EventTrigger.Escalation ? errorCode : null,
                MultiInstance = multiInstance,
                CalledElement = kind == NodeKind.CallActivity ? ReadCalledElement(e) : null,
                Inputs = kind == NodeKind.CallActivity ? ReadMappings(e, "in") : [],
                Outputs = kind == NodeKind.CallActivity ? ReadMappings(e, "out") : [],
                Extensions = e.Attributes()
                    .Where(a => a.Name.Namespace == BpmnNamespaces.ApprovalFlow)
                    .ToDictionary(a => a.Name.LocalName, a => a.Value),
            };
        }

        private (EventTrigger, TimerDefinition?, string?, string?) ReadEventDefinition(XElement e, NodeKind kind, FlowScope scope)
        {
            var definitions = e.Elements()
                .Where(c => c.Name.Namespace == BpmnNamespaces.Model && c.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
                .ToList();
            var refs = e.Elements(BpmnNamespaces.Model + "eventDefinitionRef").ToList();
            if (refs.Count > 0) Error(e, "Shared event definitions (eventDefinitionRef) are not supported; define the event inline.");
            if (definitions.Count == 0)
            {
                if (kind == NodeKind.StartEvent && scope.Owner?.Kind == NodeKind.EventSubProcess)
                    Error(e, "An event sub-process starts with a message, timer, signal or error start event, not a none start event.");
                return (EventTrigger.None, null, null, null);
            }
            if (definitions.Count > 1)
            {
                Error(e, "An event with several triggers (multiple event definitions) is not in the engine's BPMN subset.");
                return (EventTrigger.None, null, null, null);
            }
            var def = definitions[0];
            var allowed = kind switch
            {
                NodeKind.StartEvent when scope.Owner is null => ["messageEventDefinition", "signalEventDefinition"],
                NodeKind.StartEvent when scope.Owner.Kind == NodeKind.EventSubProcess =>
                    ["messageEventDefinition", "signalEventDefinition", "timerEventDefinition", "errorEventDefinition", "escalationEventDefinition"],
                NodeKind.EndEvent => ["terminateEventDefinition", "errorEventDefinition", "signalEventDefinition", "messageEventDefinition", "escalationEventDefinition"],
                NodeKind.IntermediateCatchEvent => ["timerEventDefinition", "messageEventDefinition", "linkEventDefinition", "signalEventDefinition"],
                NodeKind.IntermediateThrowEvent => ["linkEventDefinition", "signalEventDefinition", "messageEventDefinition", "escalationEventDefinition"],
                NodeKind.BoundaryEvent => ["timerEventDefinition", "messageEventDefinition", "errorEventDefinition", "signalEventDefinition", "escalationEventDefinition"],
                _ => Array.Empty<string>(),
            };
            if (def.Name.LocalName == "compensateEventDefinition")
            {
                Error(e, $"A {e.Name.LocalName} with 'compensateEventDefinition' is not in the engine's BPMN subset: compensation is not supported (the engine does not undo completed work); model the corrective steps as ordinary tasks.");
                return (EventTrigger.None, null, null, null);
            }
            if (!allowed.Contains(def.Name.LocalName))
            {
                Error(e, kind == NodeKind.StartEvent && scope.Owner is { Kind: not NodeKind.EventSubProcess }
                    ? "A sub-process starts with a none start event only."
                    : $"A {e.Name.LocalName} with '{def.Name.LocalName}' is not in the engine's BPMN subset.");
                return (EventTrigger.None, null, null, null);
            }
            return def.Name.LocalName switch
            {
                "terminateEventDefinition" => (EventTrigger.Terminate, null, null, null),
                "linkEventDefinition" => (EventTrigger.Link, null, null, ReadLinkName(e, def)),
                "timerEventDefinition" => (EventTrigger.Timer, ReadTimer(e, def), null, null),
                "errorEventDefinition" => (EventTrigger.Error, null, null, ReadErrorCode(e, def)),
                "signalEventDefinition" => (EventTrigger.Signal, null, ReadSignalName(e, def), null),
                "escalationEventDefinition" => (EventTrigger.Escalation, null, null, ReadEscalationCode(e, def)),
                _ => (EventTrigger.Message, null,
                    kind is NodeKind.IntermediateThrowEvent or NodeKind.EndEvent && def.Attribute("messageRef") is null ? null : ReadMessageName(e, def), null),
            };
        }

        private TimerDefinition? ReadTimer(XElement e, XElement def)
        {
            var duration = def.Element(BpmnNamespaces.Model + "timeDuration");
            var date = def.Element(BpmnNamespaces.Model + "timeDate");
            var cycle = def.Element(BpmnNamespaces.Model + "timeCycle");
            var workingDays = (string?)def.Attribute(BpmnNamespaces.ApprovalFlow + "workingDays");
            if (new object?[] { duration, date, cycle, workingDays }.Count(x => x is not null) > 1)
            {
                Error(e, "The timer has more than one of timeDuration, timeDate, timeCycle and af:workingDays; give one.");
                return null;
            }
            var (kind, source) = workingDays is not null ? (TimerKind.WorkingDays, (XObject?)def.Attribute(BpmnNamespaces.ApprovalFlow + "workingDays"))
                : duration is not null ? (TimerKind.Duration, duration)
                : cycle is not null ? (TimerKind.Cycle, cycle) : (TimerKind.Date, (XObject?)date);
            var text = (source switch { XElement x => x.Value, XAttribute a => a.Value, _ => "" }).Trim();
            if (text.Length == 0)
            {
                Error(e, "The timer has no timeDuration, timeDate, timeCycle or af:workingDays.");
                return null;
            }
            if (TaskAssignment.IsExpression(text))
            {
                if (!ConditionExpression.TryParse(text, out var expr, out var why))
                {
                    Error(e, $"The timer expression '{text}' cannot be parsed: {why}");
                    return null;
                }
                return new TimerDefinition(kind, text, expr);
            }
            var ok = kind switch
            {
                TimerKind.Duration => IsoDuration.TryParse(text, out _),
                TimerKind.Date => IsoDate.TryParseUtc(text, out _),
                TimerKind.Cycle => IsoCycle.TryParse(text, out _),
                _ => int.TryParse(text, out var days) && days >= 0,
            };
            if (!ok)
            {
                Error(e, kind switch
                {
                    TimerKind.Duration => $"'{text}' is not an ISO 8601 duration such as P5D or PT2H.",
                    TimerKind.Date => $"'{text}' is not an ISO 8601 date-time such as 2026-12-01T09:00:00+08:00.",
                    TimerKind.Cycle => $"'{text}' is not a timer cycle the engine runs: R/duration or Rn/duration (n from 1), such as R3/P1D; a start date or a cron expression is not supported.",
                    _ => $"af:workingDays '{text}' is not a whole number of working days.",
                });
                return null;
            }
            return new TimerDefinition(kind, text, null);
        }

        /// <summary>A link event's name (on the definition, as BPMN puts it; some tools put it on the event only).</summary>
        private string? ReadLinkName(XElement e, XElement def)
        {
            var name = ((string?)def.Attribute("name") is { Length: > 0 } n ? n : (string?)e.Attribute("name"))?.Trim();
            if (string.IsNullOrEmpty(name)) Error(e, "The link event has no name (linkEventDefinition name=\"...\"): a link throw jumps to the link catch of the same name.");
            return string.IsNullOrEmpty(name) ? null : name;
        }

        private TextTemplate? ReadNameTemplate(XElement e)
        {
            var name = (string?)e.Attribute("name");
            if (!TextTemplate.HasExpressions(name)) return null;
            if (TextTemplate.TryParse(name!, out var template, out var why)) return template;
            Error(e, $"The name '{name}' holds an expression that cannot be parsed: {why}");
            return null;
        }

        private string? ReadSignalName(XElement e, XElement def)
        {
            var signalRef = (string?)def.Attribute("signalRef");
            if (string.IsNullOrWhiteSpace(signalRef))
            {
                Error(e, "The signal event names no signal (signalRef is missing).");
                return null;
            }
            var local = signalRef.Contains(':') ? signalRef[(signalRef.IndexOf(':') + 1)..] : signalRef;
            if (signals.TryGetValue(signalRef, out var name) || signals.TryGetValue(local, out name)) return name;
            Error(e, $"signalRef '{signalRef}' names no signal of this file.");
            return null;
        }

        private string? ReadMessageName(XElement e, XElement def)
        {
            var messageRef = (string?)def.Attribute("messageRef");
            if (string.IsNullOrWhiteSpace(messageRef))
            {
                Error(e, e.Name.LocalName == "receiveTask"
                    ? "The receive task names no message (messageRef is missing)."
                    : "The message event names no message (messageRef is missing).");
                return null;
            }
            var local = messageRef.Contains(':') ? messageRef[(messageRef.IndexOf(':') + 1)..] : messageRef;
            if (messages.TryGetValue(messageRef, out var name) || messages.TryGetValue(local, out name))
            {
                if (unnamedMessages.Contains(messages.ContainsKey(messageRef) ? messageRef : local))
                {
                    Error(e, $"The message '{name}' this element waits for or sends has no name: messages are correlated by name. Give <message id=\"{name}\"> a name attribute.");
                    return null;
                }
                if (!name.StartsWith(FlowNode.SignalPrefix, StringComparison.Ordinal)) return name;
                Error(e, $"A message name may not begin with '{FlowNode.SignalPrefix}' (signals are stored under that prefix).");
                return null;
            }
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
            return new TaskAssignment(Attr("assignee"), Attr("candidateGroups"), Attr("candidateUsers"));
        }

        /// <summary>
        /// The name a host registers the task's handler under, from the first of: <c>af:handler</c>;
        /// <c>delegateExpression="${name}"</c> (or <c>#{name}</c>) in the Camunda 7, Activiti or Flowable namespace;
        /// <c>camunda:class</c>; an external task's <c>camunda:topic</c>; Zeebe's <c>taskDefinition type</c>; a business-rule
        /// task's decision (<c>camunda:decisionRef</c>, Zeebe's <c>calledDecision decisionId</c>: the host's handler evaluates it); the BPMN
        /// <c>implementation</c> attribute naming a technology (e.g. <c>##WebService</c>, not <c>##unspecified</c>).
        /// </summary>
        private string? ReadHandler(XElement e, XElement? definition = null, bool optional = false)
        {
            var name = HandlerNameOn(e) ?? (definition is null ? null : HandlerNameOn(definition));
            if (name is null && optional) return null;
            if (name is null)
            {
                var what = e.Name.LocalName switch
                {
                    "sendTask" => "send task", "businessRuleTask" => "business-rule task", "serviceTask" => "service task", _ => "message throw event",
                };
                Error(e, $"The {what} names no handler (af:handler=\"name\", camunda:delegateExpression=\"${{name}}\", camunda:class, an external task topic, a Zeebe task type, a decision or an implementation).");
                return null;
            }
            if (!handlerExists(name))
            {
                Error(e, $"No service task handler named '{name}' is registered.");
                return null;
            }
            return name;
        }

        private static string? HandlerNameOn(XElement e)
        {
            static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
            static string? Delegate(string? d) =>
                Clean(d) is { } inner && (inner.StartsWith("${", StringComparison.Ordinal) || inner.StartsWith("#{", StringComparison.Ordinal)) && inner.EndsWith('}')
                    ? Clean(inner[2..^1]) : null;
            var implementation = Clean((string?)e.Attribute("implementation"));
            var name = Clean((string?)e.Attribute(BpmnNamespaces.ApprovalFlow + "handler"))
                       ?? Delegate((string?)e.Attribute(BpmnNamespaces.Camunda + "delegateExpression"))
                       ?? Delegate((string?)e.Attribute(BpmnNamespaces.Activiti + "delegateExpression"))
                       ?? Delegate((string?)e.Attribute(BpmnNamespaces.Flowable + "delegateExpression"))
                       ?? Clean((string?)e.Attribute(BpmnNamespaces.Camunda + "class"))
                       ?? Clean((string?)e.Attribute(BpmnNamespaces.Activiti + "class"))
                       ?? Clean((string?)e.Attribute(BpmnNamespaces.Flowable + "class"))
                       ?? (string.Equals((string?)e.Attribute(BpmnNamespaces.Camunda + "type"), "external", StringComparison.Ordinal)
                           ? Clean((string?)e.Attribute(BpmnNamespaces.Camunda + "topic")) : null)
                       ?? Clean((string?)e.Element(BpmnNamespaces.Model + "extensionElements")?.Element(BpmnNamespaces.Zeebe + "taskDefinition")?.Attribute("type"))
                       ?? Clean((string?)e.Attribute(BpmnNamespaces.Camunda + "decisionRef"))
                       ?? Clean((string?)e.Element(BpmnNamespaces.Model + "extensionElements")?.Element(BpmnNamespaces.Zeebe + "calledDecision")?.Attribute("decisionId"))
                       ?? (implementation is not null && !implementation.Equals("##unspecified", StringComparison.OrdinalIgnoreCase) ? implementation : null);
            return name;
        }

        /// <summary>An escalation's code; a catch without escalationRef catches every escalation, a throw needs one.</summary>
        private string? ReadEscalationCode(XElement e, XElement def)
        {
            var escalationRef = (string?)def.Attribute("escalationRef");
            if (string.IsNullOrWhiteSpace(escalationRef))
            {
                if (e.Name.LocalName is "intermediateThrowEvent" or "endEvent") Error(e, "The escalation throw names no escalation (escalationRef is missing).");
                return null;
            }
            var local = escalationRef.Contains(':') ? escalationRef[(escalationRef.IndexOf(':') + 1)..] : escalationRef;
            if (escalationCodes.TryGetValue(escalationRef, out var code) || escalationCodes.TryGetValue(local, out code)) return code;
            Error(e, $"escalationRef '{escalationRef}' names no escalation of this file.");
            return null;
        }

        private string? ReadErrorCode(XElement e, XElement def)
        {
            var errorRef = (string?)def.Attribute("errorRef");
            if (string.IsNullOrWhiteSpace(errorRef))
            {
                // A catch without a code catches every error; a throw must say which error it throws.
                if (e.Name.LocalName == "endEvent") Error(e, "The error end event names no error (errorRef is missing): a thrown error needs its code.");
                return null;
            }
            var local = errorRef.Contains(':') ? errorRef[(errorRef.IndexOf(':') + 1)..] : errorRef;
            if (errorCodes.TryGetValue(errorRef, out var code) || errorCodes.TryGetValue(local, out code)) return code;
            // As Camunda does: an errorRef that names no <error> of the file is itself the error code.
            return errorRef.Trim();
        }

        private MultiInstanceDefinition? ReadMultiInstance(XElement e, NodeKind kind)
        {
            var mi = e.Element(BpmnNamespaces.Model + "multiInstanceLoopCharacteristics");
            if (mi is null) return null;
            if (kind is not (NodeKind.UserTask or NodeKind.CallActivity or NodeKind.SubProcess)
                || string.Equals((string?)e.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Error(e, "Multi-instance is supported on user tasks, call activities and embedded sub-processes only.");
                return null;
            }
            string? Attr(string name) =>
                ((string?)mi.Attribute(BpmnNamespaces.ApprovalFlow + name) ?? (string?)mi.Attribute(BpmnNamespaces.Camunda + name)
                 ?? (string?)mi.Attribute(BpmnNamespaces.Flowable + name)) is { Length: > 0 } v ? v.Trim() : null;
            // Zeebe writes the collection and the element variable on zeebe:loopCharacteristics (a "= path" FEEL expression).
            var zeebe = mi.Element(BpmnNamespaces.Model + "extensionElements")?.Element(BpmnNamespaces.Zeebe + "loopCharacteristics");
            var zeebeCollection = ((string?)zeebe?.Attribute("inputCollection"))?.Trim();
            if (zeebeCollection is not null && zeebeCollection.StartsWith('=')) zeebeCollection = zeebeCollection[1..].Trim();
            var collection = Attr("collection") ?? (string.IsNullOrEmpty(zeebeCollection) ? null : zeebeCollection);
            if (collection is not null && collection.StartsWith("${", StringComparison.Ordinal) && collection.EndsWith('}'))
                collection = collection[2..^1].Trim();
            if (collection is not null && !System.Text.RegularExpressions.Regex.IsMatch(collection, @"^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$"))
            {
                Error(e, $"The multi-instance collection '{collection}' must name a variable (a path such as departments or project.departments).");
                return null;
            }
            var cardinalityText = mi.Element(BpmnNamespaces.Model + "loopCardinality")?.Value.Trim();
            ConditionExpression? cardinality = null;
            if (!string.IsNullOrEmpty(cardinalityText))
            {
                var text = TaskAssignment.IsExpression(cardinalityText) ? cardinalityText : "${" + cardinalityText + "}";
                if (!ConditionExpression.TryParse(text, out cardinality, out var why))
                {
                    Error(e, $"loopCardinality '{cardinalityText}' cannot be parsed: {why}");
                    return null;
                }
            }
            if (collection is null && cardinality is null)
            {
                Error(e, "A multi-instance activity needs a collection (camunda:collection) or a loopCardinality.");
                return null;
            }
            ConditionExpression? completion = null;
            var completionText = mi.Element(BpmnNamespaces.Model + "completionCondition")?.Value.Trim();
            if (!string.IsNullOrEmpty(completionText) && !ConditionExpression.TryParse(completionText, out completion, out var reason))
            {
                Error(e, $"The completion condition '{completionText}' cannot be parsed: {reason}");
                return null;
            }
            return new MultiInstanceDefinition
            {
                IsSequential = string.Equals((string?)mi.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase),
                Collection = collection,
                ElementVariable = Attr("elementVariable") ?? (((string?)zeebe?.Attribute("inputElement"))?.Trim() is { Length: > 0 } element ? element : null),
                Cardinality = collection is null ? cardinality : null,
                CompletionCondition = completion,
            };
        }

        private string? ReadCalledElement(XElement e)
        {
            var called = (string?)e.Attribute("calledElement");
            if (string.IsNullOrWhiteSpace(called))
            {
                Error(e, "The call activity names no process to call (calledElement).");
                return null;
            }
            return called.Trim();
        }

        private static IReadOnlyList<VariableMapping> ReadMappings(XElement e, string direction) =>
            (e.Element(BpmnNamespaces.Model + "extensionElements")?.Elements() ?? [])
            .Where(x => x.Name.LocalName == direction && (x.Name.Namespace == BpmnNamespaces.Camunda || x.Name.Namespace == BpmnNamespaces.ApprovalFlow
                                                           || x.Name.Namespace == BpmnNamespaces.Flowable))
            .Select(x => string.Equals((string?)x.Attribute("variables"), "all", StringComparison.OrdinalIgnoreCase)
                ? new VariableMapping(null, null, true)
                : new VariableMapping((string?)x.Attribute("source"), (string?)x.Attribute("target"), false))
            .Where(m => m.All || !string.IsNullOrWhiteSpace(m.Source))
            .ToList();

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
                    {
                        Error(e, $"Condition language '{language}' is not supported; use a ${{...}} expression.");
                        FlowsWithRefusedCondition.Add(id);
                    }
                    else if (!ConditionExpression.TryParse(AsExpression(conditionElement.Value), out condition, out var why))
                    {
                        Error(e, $"The condition '{conditionElement.Value.Trim()}' cannot be parsed: {why}");
                        FlowsWithRefusedCondition.Add(id);
                    }
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
                    else if (flow is null && declaredFlowIds.Contains(defaultRef))
                        Error(e, $"The default flow '{defaultRef}' was refused (see the error on it).");
                    else Error(e, $"The default flow '{defaultRef}' is not an outgoing sequence flow of this element.");
                }
                if (node.Kind == NodeKind.BoundaryEvent)
                {
                    var attachedRef = (string?)e.Attribute("attachedToRef");
                    if (string.IsNullOrWhiteSpace(attachedRef)) { Error(e, "The boundary event has no attachedToRef."); continue; }
                    if (!Nodes.TryGetValue(attachedRef, out var host) || host.Scope != node.Scope)
                    {
                        Error(e, host is null && ids.Contains(attachedRef)
                            ? $"attachedToRef '{attachedRef}' names an element that was refused."
                            : $"attachedToRef '{attachedRef}' names no activity in the same scope.");
                        continue;
                    }
                    if (node.Trigger == EventTrigger.Error && !node.CancelActivity)
                    {
                        Error(e, "An error boundary event always interrupts its activity (cancelActivity must not be false).");
                        continue;
                    }
                    var hostOk = node.Trigger == EventTrigger.Escalation
                        ? host.Kind is NodeKind.SubProcess or NodeKind.CallActivity
                        : host.Kind is NodeKind.UserTask or NodeKind.SubProcess or NodeKind.CallActivity or NodeKind.ReceiveTask
                          || (host.Kind == NodeKind.ServiceTask && node.Trigger == EventTrigger.Error);
                    if (!hostOk)
                    {
                        Error(e, $"{node.Trigger switch { EventTrigger.Error => "An error", EventTrigger.Escalation => "An escalation", _ => "A timer, message or signal" }} boundary event is not supported on {host.ElementType} '{host.Id}'.");
                        continue;
                    }
                    node.AttachedTo = host;
                    host.BoundaryEvents.Add(node);
                }
            }
        }

        /// <summary>
        /// A Zeebe-style FEEL condition <c>= expr</c> is read as <c>${expr}</c>: simple ones (a variable, <c>not(x)</c>,
        /// comparisons with <c>!=</c>, <c>&lt;</c>, <c>and</c>, <c>or</c>) mean the same in both languages; FEEL-only syntax
        /// (<c>=</c> as equality, <c>some ... satisfies</c>, functions) does not parse and is refused.
        /// </summary>
        private static string AsExpression(string text)
        {
            var trimmed = text.Trim();
            return trimmed.StartsWith('=') ? "${" + trimmed[1..].Trim() + "}" : trimmed;
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
