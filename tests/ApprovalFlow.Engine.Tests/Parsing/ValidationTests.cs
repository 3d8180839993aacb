using System.Text;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Parsing;

/// <summary>Every reason a model is refused, each located: element id, element type and line.</summary>
public class ValidationTests
{
    private static readonly Func<string, bool> NoHandlers = _ => false;

    private static IReadOnlyList<ValidationError> Refusal(string xml, Func<string, bool>? handlers = null) =>
        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml, handlers ?? NoHandlers)).Errors;

    private static IReadOnlyList<ValidationError> Refusal(byte[] xml) =>
        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors;

    /// <summary>1-based line of the first (or last) occurrence of <paramref name="fragment"/>.</summary>
    private static int LineOf(string xml, string fragment, bool last = false)
    {
        var index = last ? xml.LastIndexOf(fragment, StringComparison.Ordinal) : xml.IndexOf(fragment, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{fragment}' is not in the model");
        return 1 + xml.AsSpan(0, index).Count('\n');
    }

    /// <summary>Asserts one error names the element by id and type, at the line of its start tag, and says <paramref name="messagePart"/>.</summary>
    private static ValidationError ShouldName(IReadOnlyList<ValidationError> errors, string xml, string id, string type, string messagePart,
        bool lastOccurrence = false)
    {
        var error = errors.FirstOrDefault(e => e.ElementId == id && e.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase));
        error.ShouldNotBeNull($"No error names '{id}' saying '{messagePart}'. Errors:\n{string.Join("\n", errors)}");
        error.ElementType.ShouldBe(type);
        error.Line.ShouldBe(LineOf(xml, $"id=\"{id}\"", lastOccurrence));
        return error;
    }

    private static string Straight(string key, string middle, string middleId) => Process(key, $"""
        <startEvent id="start" />
        {middle}
        <endEvent id="end" />
        {Flow("f1", "start", middleId)}
        {Flow("f2", middleId, "end")}
        """);

    // ---- the document itself ----

    [Fact]
    public void Malformed_xml_is_refused_with_the_line_of_the_fault()
    {
        var xml = Process("broken", """
            <startEvent id="start" />
            <userTask id="approve">
            <endEvent id="end" />
            """);

        var error = Refusal(xml).ShouldHaveSingleItem();

        error.Message.ShouldStartWith("Malformed XML");
        error.Line.ShouldBe(LineOf(xml, "</process>"));
    }

    [Fact]
    public void Unescaped_less_than_in_a_condition_is_refused_as_malformed_at_its_line()
    {
        var xml = Process("lt", """
            <startEvent id="start" />
            <exclusiveGateway id="small" default="big" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="small" />
            <sequenceFlow id="cheap" sourceRef="small" targetRef="end"><conditionExpression>${amount < 1000}</conditionExpression></sequenceFlow>
            <sequenceFlow id="big" sourceRef="small" targetRef="end" />
            """);

        var error = Refusal(xml).ShouldHaveSingleItem();

        error.Message.ShouldStartWith("Malformed XML");
        error.Line.ShouldBe(LineOf(xml, "id=\"cheap\""));
    }

    [Fact]
    public void Empty_document_is_refused_as_malformed_on_line_one()
    {
        var error = Refusal([]).ShouldHaveSingleItem();

        error.Message.ShouldStartWith("Malformed XML");
        error.Line.ShouldBe(1);
    }

    public static TheoryData<string> DtdPayloads() => ["external entity", "external DTD", "parameter entity"];

    [Theory]
    [MemberData(nameof(DtdPayloads))]
    public void Document_type_declaration_pointing_at_a_local_file_is_refused_and_the_file_is_never_read(string payload)
    {
        var secret = $"SECRET-{Guid.NewGuid():N}";
        var path = Path.Combine(Path.GetTempPath(), $"af-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, secret);
        try
        {
            var uri = new Uri(path).AbsoluteUri;
            var doctype = payload switch
            {
                "external entity" => $"""<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "{uri}"> ]>""",
                "external DTD" => $"""<!DOCTYPE definitions SYSTEM "{uri}">""",
                _ => $"""<!DOCTYPE definitions [ <!ENTITY % remote SYSTEM "{uri}"> %remote; ]>""",
            };
            var xml = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                {doctype}
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <process id="leak" name="&xxe;" isExecutable="true">
                    <startEvent id="start" name="&xxe;" />
                    <endEvent id="end" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="end" />
                  </process>
                </definitions>
                """;

            foreach (var refused in new Func<object>[] { () => BpmnReader.Read(xml), () => BpmnReader.Read(Encoding.UTF8.GetBytes(xml)) })
            {
                var ex = Should.Throw<DefinitionInvalidException>(refused);
                var error = ex.Errors.ShouldHaveSingleItem();
                error.Message.ShouldContain("DTD");
                error.Line.ShouldBe(2);
                ex.Message.ShouldNotContain(secret);
                error.Message.ShouldNotContain(secret);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Billion_laughs_entity_expansion_is_refused_before_any_expansion()
    {
        var entities = new StringBuilder("""<!ENTITY lol "lol">""");
        for (var i = 1; i <= 9; i++)
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ {entities} ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="laughs" name="&lol9;" isExecutable="true"><startEvent id="start" /></process>
            </definitions>
            """;

        var ex = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(Encoding.UTF8.GetBytes(xml)));

        var error = ex.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("DTD");
        error.Line.ShouldBe(2);
        ex.Message.ShouldNotContain("lollollol");
    }

    [Theory]
    [InlineData("<html><body>not a process</body></html>", "html")]
    [InlineData("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/DI" id="d"><process id="p" /></definitions>""", "definitions")]
    [InlineData("""<Package xmlns="http://www.wfmc.org/2008/XPDL2.1" Id="xpdl" />""", "Package")]
    public void Document_whose_root_is_not_BPMN_definitions_is_refused_naming_the_root(string body, string rootName)
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body;

        var error = Refusal(xml).ShouldHaveSingleItem();

        error.ElementType.ShouldBe(rootName);
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("definitions");
    }

    [Fact]
    public void Bytes_that_are_invalid_in_the_declared_encoding_are_refused_at_their_line()
    {
        var xml = Straight("latin", """<userTask id="approve" name="Caf#" />""", "approve");
        var bytes = Encoding.ASCII.GetBytes(xml);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xE9; // Latin-1 "é" in a file that declares UTF-8

        var error = Refusal(bytes).ShouldHaveSingleItem();

        error.Message.ShouldContain("cannot be decoded");
        error.Line.ShouldBe(LineOf(xml, "id=\"approve\""));
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-klingon")]
    public void Encoding_the_platform_cannot_decode_is_refused_at_the_declaration(string encoding)
    {
        var xml = Straight("enc", """<userTask id="approve" />""", "approve").Replace("encoding=\"UTF-8\"", $"encoding=\"{encoding}\"");

        var error = Refusal(Encoding.ASCII.GetBytes(xml)).ShouldHaveSingleItem();

        error.Message.ShouldContain(encoding);
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Elements_nested_absurdly_deep_are_refused_instead_of_exhausting_the_stack()
    {
        const int depth = 100_000;
        var xml = new StringBuilder(Process("deep", "<startEvent id=\"start\" />\n<!--here-->"));
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++) nested.Append($"<subProcess id=\"s{i}\">");
        for (var i = 0; i < depth; i++) nested.Append("</subProcess>");
        xml.Replace("<!--here-->", nested.ToString());
        var text = xml.ToString();

        var error = Refusal(text).ShouldHaveSingleItem();

        error.ElementType.ShouldBe("subProcess");
        error.Line.ShouldBe(LineOf(text, "<subProcess"));
        error.Message.ShouldContain("nested");
    }

    // ---- references ----

    [Theory]
    [InlineData("ghost", "approve", "sourceRef 'ghost'")]
    [InlineData("approve", "ghost", "targetRef 'ghost'")]
    public void Sequence_flow_with_a_dangling_reference_is_refused(string source, string target, string messagePart)
    {
        var xml = Process("dangling", $"""
            <startEvent id="start" />
            <userTask id="approve" />
            <endEvent id="end" />
            {Flow("f1", "start", "approve")}
            {Flow("f2", source, target)}
            {Flow("f3", "approve", "end")}
            """);

        ShouldName(Refusal(xml), xml, "f2", "sequenceFlow", messagePart);
    }

    [Theory]
    [InlineData("f1")]
    [InlineData("noSuchFlow")]
    public void Default_flow_that_is_not_an_outgoing_flow_of_its_gateway_is_refused(string defaultFlow)
    {
        var xml = Process("default", $"""
            <startEvent id="start" />
            <exclusiveGateway id="decide" default="{defaultFlow}" />
            <endEvent id="yes" />
            <endEvent id="no" />
            {Flow("f1", "start", "decide")}
            {Flow("toYes", "decide", "yes", "${ok}")}
            {Flow("toNo", "decide", "no", "${!ok}")}
            """);

        ShouldName(Refusal(xml), xml, "decide", "exclusiveGateway", $"default flow '{defaultFlow}'");
    }

    [Fact]
    public void Default_flow_that_was_itself_refused_is_reported_as_refused_rather_than_missing()
    {
        var xml = Process("refuseddefault", $"""
            <startEvent id="start" />
            <exclusiveGateway id="decide" default="toGhost" />
            <endEvent id="end" />
            {Flow("f1", "start", "decide")}
            {Flow("toEnd", "decide", "end", "${ok}")}
            {Flow("toGhost", "decide", "ghost")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "toGhost", "sequenceFlow", "targetRef 'ghost'");
        ShouldName(errors, xml, "decide", "exclusiveGateway", "default flow 'toGhost' was refused");
    }

    [Theory]
    [InlineData("", "has no attachedToRef")]
    [InlineData("attachedToRef=\"nowhere\"", "attachedToRef 'nowhere' names no activity")]
    public void Boundary_event_without_a_valid_attachedToRef_is_refused(string attached, string messagePart)
    {
        var xml = Process("boundary", $"""
            <startEvent id="start" />
            <userTask id="approve" />
            <boundaryEvent id="late" {attached}><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="end" />
            <endEvent id="lateEnd" />
            {Flow("f1", "start", "approve")}
            {Flow("f2", "approve", "end")}
            {Flow("f3", "late", "lateEnd")}
            """);

        ShouldName(Refusal(xml), xml, "late", "boundaryEvent", messagePart);
    }

    [Fact]
    public void Boundary_event_on_a_refused_activity_says_its_host_was_refused()
    {
        var xml = Process("refusedHost", $"""
            <startEvent id="start" />
            <scriptTask id="calc" />
            <boundaryEvent id="late" attachedToRef="calc"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="end" />
            {Flow("f1", "start", "end")}
            {Flow("f2", "late", "end")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "calc", "scriptTask", "not in the engine's BPMN subset");
        ShouldName(errors, xml, "late", "boundaryEvent", "attachedToRef 'calc' names an element that was refused");
    }

    [Theory]
    [InlineData("intermediateCatchEvent")]
    [InlineData("boundaryEvent")]
    public void Message_event_whose_messageRef_names_no_message_is_refused(string eventType)
    {
        var attached = eventType == "boundaryEvent" ? " attachedToRef=\"approve\"" : "";
        var xml = Process("nomessage", $"""
            <startEvent id="start" />
            <userTask id="approve" />
            <{eventType} id="paid"{attached}><messageEventDefinition messageRef="msg_paid" /></{eventType}>
            <endEvent id="end" />
            {Flow("f1", "start", "approve")}
            {Flow("f2", "approve", eventType == "boundaryEvent" ? "end" : "paid")}
            {Flow("f3", "paid", "end")}
            """, messages: """<message id="msg_other" name="other" />""");

        ShouldName(Refusal(xml), xml, "paid", eventType, "messageRef 'msg_paid' names no message");
    }

    // ---- elements outside the subset ----

    private static readonly Dictionary<string, (string Body, string Id, string Type, string Says)> Unsupported = new()
    {
        ["scriptTask"] = ("""<scriptTask id="x" scriptFormat="groovy"><script>println 'hi'</script></scriptTask>""", "x", "scriptTask", "'scriptTask' is not in the engine's BPMN subset: the engine runs no scripts"),
        ["sendTask naming no handler"] = ("""<sendTask id="x" />""", "x", "sendTask", "The send task names no handler"),
        ["businessRuleTask naming no handler"] = ("""<businessRuleTask id="x" implementation="##unspecified" />""", "x", "businessRuleTask", "The business-rule task names no handler"),
        ["sendTask naming an unregistered handler"] = ("""<sendTask id="x" af:handler="fax" />""", "x", "sendTask", "No service task handler named 'fax'"),
        ["receiveTask naming no message"] = ("""<receiveTask id="x" />""", "x", "receiveTask", "The receive task names no message"),
        ["receiveTask naming an unknown message"] = ("""<receiveTask id="x" messageRef="nowhere" />""", "x", "receiveTask", "messageRef 'nowhere' names no message"),
        ["compensation throw"] = ("""<intermediateThrowEvent id="x"><compensateEventDefinition /></intermediateThrowEvent>""", "x", "intermediateThrowEvent", "compensation is not supported"),
        ["complexGateway"] = ("""<complexGateway id="x" />""", "x", "complexGateway", "'complexGateway' is not in the engine's BPMN subset"),
        ["transaction"] = ("""<transaction id="x" />""", "x", "transaction", "'transaction' is not in the engine's BPMN subset"),
        ["callActivity naming no process"] = ("""<callActivity id="x" />""", "x", "callActivity", "calledElement"),
        ["eventBasedGateway leading to a task"] = ("""<eventBasedGateway id="x" />""", "f3", "sequenceFlow", "must lead to a timer or message intermediate catch event"),
        ["signal catch naming no signal"] = ("""<intermediateCatchEvent id="x"><signalEventDefinition /></intermediateCatchEvent>""", "x", "intermediateCatchEvent", "The signal event names no signal"),
        ["conditional catch"] = ("""<intermediateCatchEvent id="x"><conditionalEventDefinition><condition>${ready}</condition></conditionalEventDefinition></intermediateCatchEvent>""", "x", "intermediateCatchEvent", "'conditionalEventDefinition' is not in the engine's BPMN subset"),
        ["escalation throw naming no escalation"] = ("""<intermediateThrowEvent id="x"><escalationEventDefinition /></intermediateThrowEvent>""", "x", "intermediateThrowEvent", "The escalation throw names no escalation"),
        ["escalation catch"] = ("""<intermediateCatchEvent id="x"><escalationEventDefinition /></intermediateCatchEvent>""", "x", "intermediateCatchEvent", "'escalationEventDefinition' is not in the engine's BPMN subset"),
        ["error end naming no error"] = ("""<endEvent id="x"><errorEventDefinition /></endEvent>""", "x", "endEvent", "The error end event names no error"),
        ["error catch"] = ("""<intermediateCatchEvent id="x"><errorEventDefinition /></intermediateCatchEvent>""", "x", "intermediateCatchEvent", "'errorEventDefinition' is not in the engine's BPMN subset"),
        ["signal throw naming no signal"] = ("""<intermediateThrowEvent id="x"><signalEventDefinition /></intermediateThrowEvent>""", "x", "intermediateThrowEvent", "The signal event names no signal"),
        ["signal start in a sub-process"] = ("""<subProcess id="x"><startEvent id="xs"><signalEventDefinition signalRef="s" /></startEvent><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /></subProcess>""", "xs", "startEvent", "A sub-process starts with a none start event only"),
        ["message throw naming no handler"] = ("""<intermediateThrowEvent id="x"><messageEventDefinition /></intermediateThrowEvent>""", "x", "intermediateThrowEvent", "The message throw event names no handler"),
        ["multi-instance service task"] = ("""<serviceTask id="x" af:handler="h"><multiInstanceLoopCharacteristics camunda:collection="items" /></serviceTask>""", "x", "serviceTask", "Multi-instance is supported on user tasks, call activities and embedded sub-processes only"),
        ["multi-instance event sub-process"] = ("""<subProcess id="x" triggeredByEvent="true"><multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics><startEvent id="xs"><errorEventDefinition /></startEvent><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /></subProcess>""", "x", "subProcess", "Multi-instance is supported on user tasks, call activities and embedded sub-processes only"),
        ["multi-instance without collection or cardinality"] = ("""<userTask id="x"><multiInstanceLoopCharacteristics /></userTask>""", "x", "userTask", "needs a collection"),
        ["standard loop"] = ("""<userTask id="x"><standardLoopCharacteristics /></userTask>""", "x", "userTask", "'standardLoopCharacteristics'"),
        ["timeCycle with a start date"] = ("""<intermediateCatchEvent id="x"><timerEventDefinition><timeCycle>R3/2026-12-01T09:00:00Z/PT10H</timeCycle></timerEventDefinition></intermediateCatchEvent>""", "x", "intermediateCatchEvent", "a start date or a cron expression is not supported"),
        ["timer not ISO 8601"] = ("""<intermediateCatchEvent id="x"><timerEventDefinition><timeDuration>3 days</timeDuration></timerEventDefinition></intermediateCatchEvent>""", "x", "intermediateCatchEvent", "not an ISO 8601 duration"),
        ["event sub-process on the flow"] = ("""<subProcess id="x" triggeredByEvent="true"><startEvent id="xs"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent></subProcess>""", "x", "subProcess", "An event sub-process has no incoming or outgoing sequence flows"),
    };

    public static TheoryData<string> UnsupportedCases() => [.. Unsupported.Keys];

    [Theory]
    [MemberData(nameof(UnsupportedCases))]
    public void Element_outside_the_supported_subset_is_refused_by_name(string unsupportedCase)
    {
        var (body, id, type, says) = Unsupported[unsupportedCase];
        var xml = Process("unsupported", $"""
            <startEvent id="start" />
            <userTask id="before" />
            {body}
            <endEvent id="end" />
            {Flow("f1", "start", "before")}
            {Flow("f2", "before", "x")}
            {Flow("f3", "x", "end")}
            """);

        ShouldName(Refusal(xml, name => name == "h"), xml, id, type, says);
    }

    // ---- graph ----

    [Fact]
    public void Activities_on_a_loop_no_path_from_the_start_enters_are_refused_as_unreachable()
    {
        var xml = Process("island", $"""
            <startEvent id="start" />
            <endEvent id="end" />
            <userTask id="draft" />
            <userTask id="redraft" />
            {Flow("f1", "start", "end")}
            {Flow("f2", "draft", "redraft")}
            {Flow("f3", "redraft", "draft")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "draft", "userTask", "cannot be reached from the start event");
        ShouldName(errors, xml, "redraft", "userTask", "cannot be reached from the start event");
    }

    [Fact]
    public void Activity_with_no_incoming_flow_is_refused()
    {
        var xml = Process("orphaned", $"""
            <startEvent id="start" />
            <userTask id="orphan" />
            <endEvent id="end" />
            {Flow("f1", "start", "end")}
            {Flow("f2", "orphan", "end")}
            """);

        ShouldName(Refusal(xml), xml, "orphan", "userTask", "no incoming sequence flow");
    }

    [Theory]
    [InlineData("${a ==}")]
    [InlineData("${amount > }")]
    [InlineData("amount > 1000")]
    [InlineData("${'unterminated}")]
    public void Gateway_condition_that_cannot_be_parsed_is_refused(string condition)
    {
        var xml = Process("badcondition", $"""
            <startEvent id="start" />
            <exclusiveGateway id="decide" default="otherwise" />
            <endEvent id="end" />
            {Flow("f1", "start", "decide")}
            {Flow("guarded", "decide", "end", condition)}
            {Flow("otherwise", "decide", "end")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "guarded", "sequenceFlow", "cannot be parsed");
        // The condition is there, only unreadable: it is not also called missing.
        errors.Count(e => e.ElementId == "guarded").ShouldBe(1);
    }

    [Theory]
    [InlineData("${foo()}")]
    [InlineData("${amount.getClass()}")]
    [InlineData("${''.getClass().forName('java.lang.Runtime')}")]
    public void Condition_that_calls_a_method_is_refused(string condition)
    {
        var xml = Process("call", $"""
            <startEvent id="start" />
            <exclusiveGateway id="decide" default="otherwise" />
            <endEvent id="end" />
            {Flow("f1", "start", "decide")}
            {Flow("guarded", "decide", "end", condition)}
            {Flow("otherwise", "decide", "end")}
            """);

        ShouldName(Refusal(xml), xml, "guarded", "sequenceFlow", "method calls are not allowed");
    }

    [Fact]
    public void Condition_in_another_expression_language_is_refused()
    {
        var xml = Process("feel", $"""
            <startEvent id="start" />
            <exclusiveGateway id="decide" default="otherwise" />
            <endEvent id="end" />
            {Flow("f1", "start", "decide")}
            <sequenceFlow id="guarded" sourceRef="decide" targetRef="end"><conditionExpression language="https://www.omg.org/spec/DMN/20191111/FEEL/">= approved</conditionExpression></sequenceFlow>
            {Flow("otherwise", "decide", "end")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "guarded", "sequenceFlow", "Condition language");
        errors.Count(e => e.ElementId == "guarded").ShouldBe(1);
    }

    [Fact]
    public void Parallel_join_fed_from_an_exclusive_split_is_refused_as_a_deadlock()
    {
        var xml = Process("deadlock", $"""
            <startEvent id="start" />
            <exclusiveGateway id="route" default="toB" />
            <userTask id="a" />
            <userTask id="b" />
            <parallelGateway id="join" />
            <endEvent id="end" />
            {Flow("f1", "start", "route")}
            {Flow("toA", "route", "a", "${big}")}
            {Flow("toB", "route", "b")}
            {Flow("aJoin", "a", "join")}
            {Flow("bJoin", "b", "join")}
            {Flow("f2", "join", "end")}
            """);

        var error = ShouldName(Refusal(xml), xml, "join", "parallelGateway", "deadlock");

        error.Message.ShouldContain("route");
    }

    [Fact]
    public void Reject_and_resubmit_loop_inside_one_parallel_branch_is_not_a_deadlock()
    {
        var xml = Process("loop", $"""
            <startEvent id="start" />
            <parallelGateway id="fork" />
            <userTask id="reviewLand" name="土地审查" />
            <exclusiveGateway id="decideLand" default="approveLand" />
            <userTask id="resubmitLand" name="企业补正" />
            <userTask id="reviewPlanning" name="规划审查" />
            <parallelGateway id="join" />
            <endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "reviewLand")}
            {Flow("f3", "reviewLand", "decideLand")}
            {Flow("approveLand", "decideLand", "join")}
            {Flow("rejectLand", "decideLand", "resubmitLand", "${outcome == 'return'}")}
            {Flow("f4", "resubmitLand", "reviewLand")}
            {Flow("f5", "fork", "reviewPlanning")}
            {Flow("f6", "reviewPlanning", "join")}
            {Flow("f7", "join", "end")}
            """);

        var model = BpmnReader.Read(xml);

        model.Node("join").Incoming.Select(f => f.Id).ShouldBe(["approveLand", "f6"], ignoreOrder: true);
    }

    [Fact]
    public void Exclusive_split_merged_by_an_exclusive_gateway_before_a_parallel_join_is_not_a_deadlock()
    {
        var xml = Process("merged", $"""
            <startEvent id="start" />
            <parallelGateway id="fork" />
            <exclusiveGateway id="route" default="toB" />
            <userTask id="a" />
            <userTask id="b" />
            <exclusiveGateway id="merge" />
            <userTask id="other" />
            <parallelGateway id="join" />
            <endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "route")}
            {Flow("toA", "route", "a", "${big}")}
            {Flow("toB", "route", "b")}
            {Flow("aMerge", "a", "merge")}
            {Flow("bMerge", "b", "merge")}
            {Flow("mergeJoin", "merge", "join")}
            {Flow("f3", "fork", "other")}
            {Flow("otherJoin", "other", "join")}
            {Flow("f4", "join", "end")}
            """);

        Should.NotThrow(() => BpmnReader.Read(xml));
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void One_flow_without_condition_from_a_split_is_accepted(string gateway)
    {
        var xml = Process("nocondition", $"""
            <startEvent id="start" />
            <{gateway} id="decide" default="otherwise" />
            <endEvent id="end" />
            {Flow("f1", "start", "decide")}
            {Flow("guarded", "decide", "end", "${ok}")}
            {Flow("bare", "decide", "end")}
            {Flow("otherwise", "decide", "end")}
            """);

        var model = BpmnReader.Read(xml);

        model.Flows["bare"].Condition.ShouldBeNull();
        model.Node("decide").DefaultFlow!.Id.ShouldBe("otherwise");
    }

    [Fact]
    public void A_second_flow_without_condition_from_an_exclusive_split_is_refused_because_it_could_never_be_taken()
    {
        var xml = Process("twobare", $"""
            <startEvent id="start" />
            <exclusiveGateway id="decide" />
            <endEvent id="end" />
            {Flow("f1", "start", "decide")}
            {Flow("guarded", "decide", "end", "${ok}")}
            {Flow("bare", "decide", "end")}
            {Flow("unreachable", "decide", "end")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "unreachable", "sequenceFlow", "could never be taken");
        errors.ShouldNotContain(e => e.ElementId == "bare" || e.ElementId == "guarded");
    }

    [Fact]
    public void Several_flows_without_condition_from_an_inclusive_split_are_accepted()
    {
        var xml = Process("inclusivebare", $"""
            <startEvent id="start" />
            <inclusiveGateway id="fork" />
            <endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("a", "fork", "end")}
            {Flow("b", "fork", "end")}
            """);

        Should.NotThrow(() => BpmnReader.Read(xml));
    }

    [Fact]
    public void Condition_on_a_flow_out_of_a_parallel_gateway_is_refused()
    {
        var xml = Process("parallelcondition", $"""
            <startEvent id="start" />
            <parallelGateway id="fork" />
            <userTask id="a" />
            <userTask id="b" />
            <parallelGateway id="join" />
            <endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("toA", "fork", "a", "${big}")}
            {Flow("toB", "fork", "b")}
            {Flow("aJoin", "a", "join")}
            {Flow("bJoin", "b", "join")}
            {Flow("f2", "join", "end")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "toA", "sequenceFlow", "Parallel gateway 'fork'");
        errors.ShouldNotContain(e => e.ElementId == "toB");
    }

    [Fact]
    public void Process_without_a_start_event_is_refused_at_the_process_element()
    {
        var xml = Process("nostart", $"""
            <userTask id="approve" />
            <endEvent id="end" />
            {Flow("f1", "approve", "end")}
            """);

        ShouldName(Refusal(xml), xml, "nostart", "process", "has no start event");
    }

    [Fact]
    public void Sub_process_without_a_start_event_is_refused_at_the_sub_process()
    {
        var xml = Process("innernostart", $"""
            <startEvent id="start" />
            <subProcess id="review">
              <userTask id="inner" />
              <endEvent id="innerEnd" />
              {Flow("i1", "inner", "innerEnd")}
            </subProcess>
            <endEvent id="end" />
            {Flow("f1", "start", "review")}
            {Flow("f2", "review", "end")}
            """);

        ShouldName(Refusal(xml), xml, "review", "subProcess", "has no start event");
    }

    [Fact]
    public void Process_with_two_none_start_events_is_refused_at_each_of_them()
    {
        var xml = Process("twostarts", $"""
            <startEvent id="online" />
            <startEvent id="counter" />
            <userTask id="approve" />
            <endEvent id="end" />
            {Flow("f1", "online", "approve")}
            {Flow("f2", "counter", "approve")}
            {Flow("f3", "approve", "end")}
            """);

        var errors = Refusal(xml);

        ShouldName(errors, xml, "online", "startEvent", "2 none start events");
        ShouldName(errors, xml, "counter", "startEvent", "2 none start events");
    }

    [Fact]
    public void End_event_with_an_outgoing_flow_is_refused()
    {
        var xml = Process("endout", $"""
            <startEvent id="start" />
            <endEvent id="end" />
            <userTask id="after" />
            <endEvent id="realEnd" />
            {Flow("f1", "start", "end")}
            {Flow("f2", "end", "after")}
            {Flow("f3", "after", "realEnd")}
            """);

        ShouldName(Refusal(xml), xml, "end", "endEvent", "may not have outgoing sequence flows");
    }

    [Fact]
    public void Start_event_with_an_incoming_flow_is_refused()
    {
        var xml = Process("startin", $"""
            <startEvent id="start" />
            <userTask id="approve" />
            <endEvent id="end" />
            {Flow("f1", "start", "approve")}
            {Flow("back", "approve", "start")}
            {Flow("f2", "approve", "end")}
            """);

        ShouldName(Refusal(xml), xml, "start", "startEvent", "may not have incoming sequence flows");
    }

    [Fact]
    public void Service_task_whose_handler_is_not_registered_is_refused()
    {
        var xml = Straight("handler", """<serviceTask id="notify" af:handler="smsGateway" />""", "notify");

        ShouldName(Refusal(xml, name => name == "email"), xml, "notify", "serviceTask", "No service task handler named 'smsGateway'");
        Should.NotThrow(() => BpmnReader.Read(xml, name => name == "smsGateway"));
    }

    [Fact]
    public void Service_task_naming_no_handler_is_refused()
    {
        var xml = Straight("nohandler", """<serviceTask id="notify" camunda:expression="${mailer.send()}" />""", "notify");

        ShouldName(Refusal(xml, _ => true), xml, "notify", "serviceTask", "names no handler");
        // A Java class name is a name like any other: accepted only when the host registered a handler under it.
        var byClass = Straight("byclass", """<serviceTask id="notify" camunda:class="com.example.Notify" />""", "notify");
        ShouldName(Refusal(byClass, name => name == "email"), byClass, "notify", "serviceTask", "No service task handler named 'com.example.Notify'");
    }

    [Fact]
    public void Second_element_with_an_id_already_used_is_refused_at_its_own_line()
    {
        var xml = Process("duplicate", $"""
            <startEvent id="start" />
            <userTask id="approve" name="first" />
            <userTask id="approve" name="second" />
            <endEvent id="end" />
            {Flow("f1", "start", "approve")}
            {Flow("f2", "approve", "end")}
            """);

        ShouldName(Refusal(xml), xml, "approve", "userTask", "used by more than one element", lastOccurrence: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sequence_flow_crossing_a_sub_process_boundary_is_refused(bool declaredOutside)
    {
        var crossing = declaredOutside ? Flow("cross", "approve", "inner") : "";
        var crossingInside = declaredOutside ? "" : Flow("cross", "inner", "approve");
        var xml = Process("crossing", $"""
            <startEvent id="start" />
            <userTask id="approve" />
            <subProcess id="review">
              <startEvent id="innerStart" />
              <userTask id="inner" />
              <endEvent id="innerEnd" />
              {Flow("i1", "innerStart", "inner")}
              {Flow("i2", "inner", "innerEnd")}
              {crossingInside}
            </subProcess>
            <endEvent id="end" />
            {Flow("f1", "start", "approve")}
            {Flow("f2", "approve", "review")}
            {Flow("f3", "review", "end")}
            {crossing}
            """);

        ShouldName(Refusal(xml), xml, "cross", "sequenceFlow", "may not cross a sub-process boundary");
    }

    [Fact]
    public void Several_problems_are_all_reported_in_one_refusal()
    {
        var xml = Process("many", $"""
            <startEvent id="start" />
            <scriptTask id="calc" />
            <serviceTask id="notify" af:handler="fax" />
            <exclusiveGateway id="decide" default="f1" />
            <userTask id="approve" />
            <endEvent id="end" />
            {Flow("f1", "start", "notify")}
            {Flow("f2", "notify", "decide")}
            {Flow("ok", "decide", "approve", "${ok ==}")}
            {Flow("other", "decide", "end", "${!ok}")}
            {Flow("f3", "approve", "nowhere")}
            """);

        var errors = Refusal(xml);

        errors.Count.ShouldBeGreaterThanOrEqualTo(5);
        ShouldName(errors, xml, "calc", "scriptTask", "not in the engine's BPMN subset");
        ShouldName(errors, xml, "notify", "serviceTask", "No service task handler named 'fax'");
        ShouldName(errors, xml, "decide", "exclusiveGateway", "default flow 'f1'");
        ShouldName(errors, xml, "ok", "sequenceFlow", "cannot be parsed");
        ShouldName(errors, xml, "f3", "sequenceFlow", "targetRef 'nowhere'");
        errors.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.ElementId) && e.Line != null);
    }
}
