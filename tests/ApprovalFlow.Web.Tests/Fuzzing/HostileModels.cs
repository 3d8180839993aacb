using System.Text;

namespace ApprovalFlow.Web.Tests.Fuzzing;

/// <summary>Generated models built to hurt a parser, a validator or the engine: each is written as text, never parsed here.</summary>
public static class HostileModels
{
    private const string Open =
        """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" +
        """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://example.com/hostile">""" + "\n";

    private const string Close = "</definitions>\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Process(string key, string body) => $"""<process id="{key}" isExecutable="true">{"\n"}{body}</process>{"\n"}""";

    /// <summary>start → end: the smallest model the engine runs.</summary>
    public static byte[] Minimal(string key) => Utf8(Open + Process(key,
        """<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>""") + Close);

    /// <summary>Nested entities that expand to gigabytes ("billion laughs") if a DTD were processed.</summary>
    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE definitions [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 10; i++)
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        dtd.Append("]>\n");
        return Utf8("""<?xml version="1.0" encoding="UTF-8"?>""" + "\n" + dtd +
            """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">""" +
            Process("laughs", """<startEvent id="s" name="&lol10;"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>""") + Close);
    }

    /// <summary>An external entity pointing at a local file, used in a name and in text: the file must never be read.</summary>
    public static byte[] ExternalEntity(string path) => Utf8(
        """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" +
        $"<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file://{path}\">]>\n" +
        """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">""" +
        Process("xxe", """<documentation>&secret;</documentation><startEvent id="s" name="&secret;"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>""") + Close);

    /// <summary>An XInclude of a local file: not a feature of the reader, so it must stay an unknown element.</summary>
    public static byte[] XInclude(string path) => Utf8(Open.Replace("targetNamespace", "xmlns:xi=\"http://www.w3.org/2001/XInclude\" targetNamespace") +
        Process("xinclude", $"""<xi:include href="file://{path}" parse="text"/><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>""") + Close);

    /// <summary><paramref name="depth"/> sub-processes nested in each other, each start → inner → end.</summary>
    public static byte[] NestedSubProcesses(string key, int depth)
    {
        var text = new StringBuilder(Open).Append($"<process id=\"{key}\" isExecutable=\"true\">\n");
        for (var i = 0; i < depth; i++)
            text.Append($"<startEvent id=\"s{i}\"/><sequenceFlow id=\"in{i}\" sourceRef=\"s{i}\" targetRef=\"sub{i}\"/>")
                .Append($"<sequenceFlow id=\"out{i}\" sourceRef=\"sub{i}\" targetRef=\"e{i}\"/><endEvent id=\"e{i}\"/>")
                .Append($"<subProcess id=\"sub{i}\">\n");
        text.Append("<startEvent id=\"inner\"/><sequenceFlow id=\"innerFlow\" sourceRef=\"inner\" targetRef=\"innerEnd\"/><endEvent id=\"innerEnd\"/>\n");
        for (var i = 0; i < depth; i++) text.Append("</subProcess>\n");
        return Utf8(text.Append("</process>\n").Append(Close).ToString());
    }

    /// <summary>Plain elements nested <paramref name="depth"/> deep inside a valid process's extension elements.</summary>
    public static byte[] DeepExtensionElements(int depth)
    {
        var text = new StringBuilder(Open).Append("<process id=\"deep\" isExecutable=\"true\"><extensionElements>");
        for (var i = 0; i < depth; i++) text.Append("<x>");
        for (var i = 0; i < depth; i++) text.Append("</x>");
        text.Append("</extensionElements><startEvent id=\"s\"/><sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"e\"/><endEvent id=\"e\"/></process>");
        return Utf8(text.Append(Close).ToString());
    }

    /// <summary>A model with one attribute of <paramref name="bytes"/> characters: the process name, a task id or a condition.</summary>
    public static byte[] HugeAttribute(string where, int bytes)
    {
        var huge = new string('x', bytes);
        var body = where switch
        {
            "name" => $"""<startEvent id="s" name="{huge}"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>""",
            "id" => $"""<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="{huge}"/><task id="{huge}"/><sequenceFlow id="f2" sourceRef="{huge}" targetRef="e"/><endEvent id="e"/>""",
            "condition" => $"""
                <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
                <exclusiveGateway id="g" default="f3"/>
                <sequenceFlow id="f2" sourceRef="g" targetRef="e"><conditionExpression>${"${" + huge + " == 1}"}</conditionExpression></sequenceFlow>
                <sequenceFlow id="f3" sourceRef="g" targetRef="e"/><endEvent id="e"/>
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(where)),
        };
        return Utf8(Open + Process("huge-" + where, body) + Close);
    }

    /// <summary>start → A → B → A …: exclusive gateways looping for ever without a wait state (the end cannot be reached).</summary>
    public static byte[] ExclusiveCycle(string key) => Utf8(Open + Process(key, """
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="a"/>
        <exclusiveGateway id="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
        <exclusiveGateway id="b"/><sequenceFlow id="f3" sourceRef="b" targetRef="a"/>
        """) + Close);

    /// <summary>A parallel split whose two branches both lead back to it: the tokens double at every round.</summary>
    public static byte[] ParallelCycle(string key) => Utf8(Open + Process(key, """
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="m"/>
        <exclusiveGateway id="m"/><sequenceFlow id="f2" sourceRef="m" targetRef="p"/>
        <parallelGateway id="p"/>
        <sequenceFlow id="f3" sourceRef="p" targetRef="t1"/><task id="t1"/><sequenceFlow id="f4" sourceRef="t1" targetRef="m"/>
        <sequenceFlow id="f5" sourceRef="p" targetRef="t2"/><task id="t2"/><sequenceFlow id="f6" sourceRef="t2" targetRef="m"/>
        """) + Close);

    /// <summary>A parallel split into <paramref name="branches"/> branches of one <paramref name="taskElement"/> each, joined again.</summary>
    public static byte[] ParallelBranches(string key, int branches, string taskElement = "task")
    {
        var text = new StringBuilder(Open).Append($"<process id=\"{key}\" isExecutable=\"true\">\n");
        text.Append("<startEvent id=\"s\"/><sequenceFlow id=\"f0\" sourceRef=\"s\" targetRef=\"split\"/><parallelGateway id=\"split\"/>\n");
        for (var i = 0; i < branches; i++)
            text.Append($"<sequenceFlow id=\"a{i}\" sourceRef=\"split\" targetRef=\"t{i}\"/><{taskElement} id=\"t{i}\"/><sequenceFlow id=\"b{i}\" sourceRef=\"t{i}\" targetRef=\"join\"/>\n");
        text.Append("<parallelGateway id=\"join\"/><sequenceFlow id=\"fz\" sourceRef=\"join\" targetRef=\"e\"/><endEvent id=\"e\"/>\n");
        return Utf8(text.Append("</process>\n").Append(Close).ToString());
    }

    /// <summary>
    /// A flat chain of <paramref name="tasks"/> tasks: about twice as many elements with its flows. With
    /// <paramref name="flowIds"/> false the flows carry no id (BPMN allows that; the reader names them).
    /// </summary>
    public static byte[] FlatChain(string key, int tasks, bool flowIds = true)
    {
        var text = new StringBuilder(Open).Append($"<process id=\"{key}\" isExecutable=\"true\">\n<startEvent id=\"s\"/>\n");
        string Flow(int i, string from, string to) => flowIds
            ? $"<sequenceFlow id=\"f{i}\" sourceRef=\"{from}\" targetRef=\"{to}\"/>"
            : $"<sequenceFlow sourceRef=\"{from}\" targetRef=\"{to}\"/>";
        text.Append(Flow(0, "s", "t0")).Append('\n');
        for (var i = 0; i < tasks; i++)
            text.Append($"<task id=\"t{i}\"/>").Append(Flow(i + 1, $"t{i}", i + 1 < tasks ? $"t{i + 1}" : "e")).Append('\n');
        text.Append("<endEvent id=\"e\"/>\n</process>\n");
        return Utf8(text.Append(Close).ToString());
    }

    /// <summary><paramref name="count"/> small executable processes in one file.</summary>
    public static byte[] ManyProcesses(string prefix, int count)
    {
        var text = new StringBuilder(Open);
        for (var i = 0; i < count; i++)
            text.Append(Process($"{prefix}{i}", $"""<startEvent id="s{i}"/><sequenceFlow id="f{i}" sourceRef="s{i}" targetRef="e{i}"/><endEvent id="e{i}"/>"""));
        return Utf8(text.Append(Close).ToString());
    }

    /// <summary>
    /// A chain of <paramref name="diamonds"/> exclusive split-and-merge diamonds beside a parallel split into
    /// <paramref name="joins"/> parallel joins, each fed twice: many splits times many joins for a validator that
    /// compares every split with every join.
    /// </summary>
    public static byte[] DiamondsAndJoins(string key, int diamonds, int joins)
    {
        var text = new StringBuilder(Open).Append($"<process id=\"{key}\" isExecutable=\"true\">\n");
        text.Append("<startEvent id=\"s\"/><sequenceFlow id=\"f0\" sourceRef=\"s\" targetRef=\"fork\"/><parallelGateway id=\"fork\"/>\n");
        text.Append("<sequenceFlow id=\"toChain\" sourceRef=\"fork\" targetRef=\"x0\"/>\n");
        for (var i = 0; i < diamonds; i++)
        {
            var next = i + 1 < diamonds ? $"x{i + 1}" : "chainEnd";
            text.Append($"<exclusiveGateway id=\"x{i}\" default=\"x{i}b\"/>")
                .Append($"<sequenceFlow id=\"x{i}a\" sourceRef=\"x{i}\" targetRef=\"m{i}\"><conditionExpression>${{n &gt; {i}}}</conditionExpression></sequenceFlow>")
                .Append($"<sequenceFlow id=\"x{i}b\" sourceRef=\"x{i}\" targetRef=\"m{i}\"/>")
                .Append($"<exclusiveGateway id=\"m{i}\"/><sequenceFlow id=\"m{i}o\" sourceRef=\"m{i}\" targetRef=\"{next}\"/>\n");
        }
        text.Append("<endEvent id=\"chainEnd\"/>\n");
        for (var j = 0; j < joins; j++)
            text.Append($"<sequenceFlow id=\"j{j}a\" sourceRef=\"fork\" targetRef=\"j{j}\"/><sequenceFlow id=\"j{j}b\" sourceRef=\"fork\" targetRef=\"j{j}\"/>")
                .Append($"<parallelGateway id=\"j{j}\"/><sequenceFlow id=\"j{j}o\" sourceRef=\"j{j}\" targetRef=\"je{j}\"/><endEvent id=\"je{j}\"/>\n");
        return Utf8(text.Append("</process>\n").Append(Close).ToString());
    }
}
