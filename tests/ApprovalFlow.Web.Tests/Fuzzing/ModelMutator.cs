using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ApprovalFlow.Web.Tests.Fuzzing;

/// <summary>
/// One damaged copy of a BPMN file, made by a named mutation from a seeded <see cref="Random"/>: the same seed and base
/// file give the same bytes, so a failing case is replayed from its seed and number alone.
/// </summary>
public static class ModelMutator
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>Every mutation by name; <see cref="Mutate"/> picks one (or a stack of them).</summary>
    public static readonly IReadOnlyList<(string Name, Func<Random, byte[], byte[]> Apply)> Mutations =
    [
        ("delete-element", OnTree(DeleteElement)),
        ("duplicate-element", OnTree(DuplicateElement)),
        ("dangle-ref", OnTree(DangleRef)),
        ("swap-refs", OnTree(SwapRefs)),
        ("drop-id", OnTree(DropId)),
        ("duplicate-id", OnTree(DuplicateId)),
        ("flip-attribute", OnTree(FlipAttribute)),
        ("corrupt-af-attribute", OnTree(CorruptExtensionAttribute)),
        ("invalid-condition", OnTree(InvalidCondition)),
        ("invalid-timer", OnTree(InvalidTimer)),
        ("rename-element", OnTree(RenameElement)),
        ("move-element", OnTree(MoveElement)),
        ("add-cycle", OnTree(AddCycle)),
        ("truncate", Truncate),
        ("random-bytes", RandomBytes),
        ("wrong-namespace", WrongNamespace),
        ("wrong-encoding", WrongEncoding),
        ("stacked", Stacked),
    ];

    public static (string Name, byte[] Bytes) Mutate(Random random, byte[] model)
    {
        var (name, apply) = Mutations[random.Next(Mutations.Count)];
        return (name, apply(random, model));
    }

    private static byte[] Stacked(Random random, byte[] model)
    {
        var bytes = model;
        var count = random.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            // Text damage early would leave nothing for the tree mutations to work on: those come first.
            var (_, apply) = Mutations[random.Next(i < count - 1 ? 13 : Mutations.Count - 1)];
            bytes = apply(random, bytes);
        }
        return bytes;
    }

    /// <summary>A mutation of the element tree; a file that no longer parses is damaged as text instead.</summary>
    private static Func<Random, byte[], byte[]> OnTree(Action<Random, XDocument> mutate) => (random, bytes) =>
    {
        XDocument doc;
        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return RandomBytes(random, bytes);
        }
        mutate(random, doc);
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false }))
            doc.Save(writer);
        return output.ToArray();
    };

    private static T? Pick<T>(Random random, IReadOnlyList<T> items) where T : class =>
        items.Count == 0 ? null : items[random.Next(items.Count)];

    private static List<XElement> ProcessElements(XDocument doc) =>
        doc.Root!.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Ancestors(Bpmn + "process").Any()).ToList();

    private static List<XElement> WithId(XDocument doc) => ProcessElements(doc).Where(e => e.Attribute("id") is not null).ToList();

    private static void DeleteElement(Random random, XDocument doc) => Pick(random, ProcessElements(doc))?.Remove();

    private static void DuplicateElement(Random random, XDocument doc)
    {
        if (Pick(random, ProcessElements(doc)) is { } element) element.AddAfterSelf(new XElement(element));
    }

    private static void DangleRef(Random random, XDocument doc)
    {
        var refs = doc.Root!.Descendants().SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName.EndsWith("Ref", StringComparison.Ordinal) || a.Name.LocalName is "default" or "attachedToRef").ToList();
        if (Pick(random, refs) is { } attribute)
            attribute.Value = random.Next(4) switch { 0 => "", 1 => "nowhere_" + random.Next(1000), 2 => attribute.Parent!.Attribute("id")?.Value ?? "x", _ => " " };
    }

    private static void SwapRefs(Random random, XDocument doc)
    {
        if (Pick(random, doc.Descendants(Bpmn + "sequenceFlow").ToList()) is { } flow
            && flow.Attribute("sourceRef") is { } source && flow.Attribute("targetRef") is { } target)
            (source.Value, target.Value) = (target.Value, source.Value);
    }

    private static void DropId(Random random, XDocument doc) => Pick(random, WithId(doc))?.Attribute("id")!.Remove();

    private static void DuplicateId(Random random, XDocument doc)
    {
        var withId = WithId(doc);
        if (Pick(random, withId) is { } a && Pick(random, withId) is { } b) a.SetAttributeValue("id", b.Attribute("id")!.Value);
    }

    private static readonly string[] HostileValues =
    [
        "", " ", "true", "false", "TRUE", "-1", "0", "2147483648", "99999999999999999999", "1e308", "NaN", "${", "}", "#{x",
        "${a +}", "<x/>", "&amp;", "\u202e\u200b", "中文名称", "null", "undefined", "P", "PT-1S", "R-1/PT1S", "../../etc/passwd",
        "file:///etc/passwd", "' OR 1=1 --", "\"", "x:y:z", new string('a', 5000), new string('(', 3000),
    ];

    private static string HostileValue(Random random) => HostileValues[random.Next(HostileValues.Length)];

    private static void FlipAttribute(Random random, XDocument doc)
    {
        var attributes = ProcessElements(doc).SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
        if (Pick(random, attributes) is { } attribute) attribute.Value = HostileValue(random);
    }

    private static void CorruptExtensionAttribute(Random random, XDocument doc)
    {
        var extension = ProcessElements(doc).SelectMany(e => e.Attributes())
            .Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.None && a.Name.Namespace != Bpmn).ToList();
        if (Pick(random, extension) is { } attribute)
        {
            if (random.Next(4) == 0) attribute.Remove();
            else attribute.Value = HostileValue(random);
        }
        else
        {
            // Nothing to corrupt: add an af: attribute the engine has to read or ignore.
            XNamespace af = "http://approvalflow.org/schema/1.0/bpmn";
            if (Pick(random, WithId(doc)) is { } element)
                element.SetAttributeValue(af + (random.Next(3) switch { 0 => "role", 1 => "timeLimit", _ => "candidateGroups" }), HostileValue(random));
        }
    }

    private static readonly string[] HostileConditions =
    [
        "${", "${}", "${a == }", "${((((((((((}", "${a.b.c.d.e.f.g}", "${1/0}", "${\"unterminated}", "${a ? b : }",
        "${x == 'y' && }", "${" + new string('(', 2000) + "1" + new string(')', 2000) + "}",
        "${" + string.Join(" + ", Enumerable.Repeat("1", 5000)) + "}", "${a[99999999999]}", "${!!!!!!!!!!!!!!!!!!!!x}",
        "${approved == true}", "${amount > 1e400}", "not an expression", "",
    ];

    private static void InvalidCondition(Random random, XDocument doc)
    {
        var flows = doc.Descendants(Bpmn + "sequenceFlow").ToList();
        if (Pick(random, flows) is not { } flow) return;
        var condition = flow.Element(Bpmn + "conditionExpression");
        if (condition is null)
        {
            XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
            condition = new XElement(Bpmn + "conditionExpression", new XAttribute(xsi + "type", "bpmn:tFormalExpression"));
            flow.Add(condition);
        }
        condition.Value = HostileConditions[random.Next(HostileConditions.Length)];
    }

    private static readonly string[] HostileTimers =
    [
        "P", "PT", "PT-5M", "P99999999Y", "PT0S", "R/PT1S", "R0/PT1S", "R-1/PT1S", "R99999999/PT0.001S", "2026-13-45T25:61:00Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "${", "${dueDate}", "every day", "", "PT1S/PT1S/PT1S", "R2/2026-01-01T00:00:00Z/P1D",
    ];

    private static void InvalidTimer(Random random, XDocument doc)
    {
        var timers = doc.Descendants(Bpmn + "timerEventDefinition").ToList();
        var timer = Pick(random, timers);
        if (timer is null)
        {
            // No timer in the file: give a catch event or a start event one.
            var events = doc.Descendants().Where(e => e.Name == Bpmn + "intermediateCatchEvent" || e.Name == Bpmn + "startEvent" || e.Name == Bpmn + "boundaryEvent").ToList();
            if (Pick(random, events) is not { } host) return;
            timer = new XElement(Bpmn + "timerEventDefinition");
            host.Add(timer);
        }
        timer.RemoveNodes();
        var kind = random.Next(3) switch { 0 => "timeDuration", 1 => "timeDate", _ => "timeCycle" };
        timer.Add(new XElement(Bpmn + kind, HostileTimers[random.Next(HostileTimers.Length)]));
    }

    private static readonly string[] Kinds =
    [
        "startEvent", "endEvent", "userTask", "serviceTask", "scriptTask", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
        "eventBasedGateway", "complexGateway", "subProcess", "callActivity", "intermediateCatchEvent", "intermediateThrowEvent",
        "boundaryEvent", "receiveTask", "sendTask", "task", "transaction", "adHocSubProcess", "sequenceFlow", "process", "unknownThing",
    ];

    private static void RenameElement(Random random, XDocument doc)
    {
        if (Pick(random, ProcessElements(doc)) is { } element) element.Name = Bpmn + Kinds[random.Next(Kinds.Length)];
    }

    private static void MoveElement(Random random, XDocument doc)
    {
        var elements = ProcessElements(doc);
        if (Pick(random, elements) is not { } element || Pick(random, elements) is not { } into || element == into
            || element.DescendantsAndSelf().Contains(into)) return;
        element.Remove();
        into.Add(element);
    }

    private static void AddCycle(Random random, XDocument doc)
    {
        var nodes = WithId(doc).Where(e => e.Name.LocalName is not ("sequenceFlow" or "process") && e.Parent?.Name.LocalName is "process" or "subProcess").ToList();
        if (Pick(random, nodes) is not { } from) return;
        var siblings = nodes.Where(n => n.Parent == from.Parent).ToList();
        var to = Pick(random, siblings)!;
        var id = "fuzzCycle_" + random.Next(1_000_000);
        from.Parent!.Add(new XElement(Bpmn + "sequenceFlow", new XAttribute("id", id),
            new XAttribute("sourceRef", from.Attribute("id")!.Value), new XAttribute("targetRef", to.Attribute("id")!.Value)));
    }

    private static byte[] Truncate(Random random, byte[] model) => model.AsSpan(0, random.Next(model.Length)).ToArray();

    private static byte[] RandomBytes(Random random, byte[] model)
    {
        var copy = model.ToArray();
        var count = 1 + random.Next(Math.Max(1, copy.Length / 500));
        for (var i = 0; i < count && copy.Length > 0; i++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static byte[] WrongNamespace(Random random, byte[] model)
    {
        var text = Encoding.UTF8.GetString(model);
        var replacement = random.Next(3) switch
        {
            0 => "http://www.omg.org/spec/BPMN/20100501/MODEL",
            1 => "",
            _ => "http://example.com/not-bpmn",
        };
        return Encoding.UTF8.GetBytes(text.Replace(Bpmn.NamespaceName, replacement, StringComparison.Ordinal));
    }

    private static byte[] WrongEncoding(Random random, byte[] model)
    {
        var text = Encoding.UTF8.GetString(model);
        var declared = random.Next(5) switch { 0 => "UTF-16", 1 => "EBCDIC-no-such", 2 => "ISO-8859-1", 3 => "utf-32", _ => "" };
        var declaration = $"<?xml version=\"1.0\" encoding=\"{declared}\"?>";
        var end = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return Encoding.UTF8.GetBytes(declaration + text[end..]);
    }
}
