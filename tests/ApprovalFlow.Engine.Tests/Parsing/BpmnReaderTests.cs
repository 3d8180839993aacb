using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Parsing;

public class BpmnReaderTests
{
    static BpmnReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string ModelNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>
    /// A construction-permit model as designers save it: Chinese names, lanes, documentation, incoming/outgoing
    /// lists, a boundary timer and a boundary message, a sub-process, extension attributes.
    /// <paramref name="prefix"/> is the BPMN namespace prefix ("" for the default namespace).
    /// </summary>
    private static string PermitModel(string prefix, bool withDiagram = true, string encoding = "UTF-8")
    {
        var p = prefix.Length == 0 ? "" : prefix + ":";
        var xmlns = prefix.Length == 0 ? $"xmlns=\"{ModelNs}\"" : $"xmlns:{prefix}=\"{ModelNs}\"";
        var diagram = !withDiagram ? "" : $$"""
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="permit">
                  <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="20" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="accept_di" bpmnElement="accept"><dc:Bounds x="100" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="acceptOverdue_di" bpmnElement="acceptOverdue">
                    <dc:Bounds x="132" y="140" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="120" y="180" width="60" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="review_di" bpmnElement="review" isExpanded="true"><dc:Bounds x="400" y="40" width="350" height="200" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="f_start_di" bpmnElement="f_start"><di:waypoint x="56" y="118" /><di:waypoint x="100" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="f_incomplete_di" bpmnElement="f_incomplete">
                    <di:waypoint x="275" y="143" /><di:waypoint x="275" y="220" />
                    <bpmndi:BPMNLabel><dc:Bounds x="280" y="180" width="40" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            """;
        return $$"""
            <?xml version="1.0" encoding="{{encoding}}"?>
            <{{p}}definitions {{xmlns}}
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                xmlns:af="http://approvalflow.org/schema/1.0/bpmn"
                xmlns:tns="http://approvalflow.test"
                id="defs_permit" targetNamespace="http://approvalflow.test">
              <{{p}}message id="msg_supplement" name="材料补正" />
              <{{p}}message id="msg_withdraw" name="申请撤回" />
              <{{p}}process id="permit" name="建设工程施工许可" isExecutable="true">
                <{{p}}documentation>施工许可审批</{{p}}documentation>
                <{{p}}laneSet id="lanes">
                  <{{p}}lane id="lane_window" name="窗口"><{{p}}flowNodeRef>accept</{{p}}flowNodeRef></{{p}}lane>
                </{{p}}laneSet>
                <{{p}}startEvent id="start" name="申请提交"><{{p}}outgoing>f_start</{{p}}outgoing></{{p}}startEvent>
                <{{p}}userTask id="accept" name="窗口受理" camunda:assignee="${initiator}" camunda:candidateGroups="window,supervisor"
                    camunda:formKey="accept-form" af:stepCode="S01" af:timeLimitDays="3">
                  <{{p}}incoming>f_start</{{p}}incoming>
                  <{{p}}incoming>f_supplied</{{p}}incoming>
                  <{{p}}outgoing>f_accept</{{p}}outgoing>
                </{{p}}userTask>
                <{{p}}boundaryEvent id="acceptOverdue" name="受理超期" attachedToRef="accept" cancelActivity="false">
                  <{{p}}outgoing>f_overdue</{{p}}outgoing>
                  <{{p}}timerEventDefinition id="acceptOverdue_timer">
                    <{{p}}timeDuration xsi:type="{{p}}tFormalExpression">P3D</{{p}}timeDuration>
                  </{{p}}timerEventDefinition>
                </{{p}}boundaryEvent>
                <{{p}}userTask id="remind" name="督办提醒" camunda:candidateGroups="supervisor" />
                <{{p}}endEvent id="remindEnd" />
                <{{p}}exclusiveGateway id="decide" name="材料是否齐全" default="f_complete" />
                <{{p}}intermediateCatchEvent id="waitSupplement" name="等待补正材料">
                  <{{p}}messageEventDefinition id="waitSupplement_def" messageRef="msg_supplement" />
                </{{p}}intermediateCatchEvent>
                <{{p}}subProcess id="review" name="联合审查">
                  <{{p}}incoming>f_complete</{{p}}incoming>
                  <{{p}}outgoing>f_reviewed</{{p}}outgoing>
                  <{{p}}startEvent id="reviewStart" />
                  <{{p}}userTask id="technicalReview" name="技术审查" af:stepCode="S02" />
                  <{{p}}endEvent id="reviewEnd" />
                  <{{p}}sequenceFlow id="r1" sourceRef="reviewStart" targetRef="technicalReview" />
                  <{{p}}sequenceFlow id="r2" sourceRef="technicalReview" targetRef="reviewEnd" />
                </{{p}}subProcess>
                <{{p}}boundaryEvent id="reviewWithdrawn" attachedToRef="review">
                  <{{p}}messageEventDefinition messageRef="tns:msg_withdraw" />
                </{{p}}boundaryEvent>
                <{{p}}endEvent id="withdrawn" name="撤回"><{{p}}terminateEventDefinition /></{{p}}endEvent>
                <{{p}}endEvent id="end" name="办结" />
                <{{p}}sequenceFlow id="f_start" sourceRef="start" targetRef="accept" />
                <{{p}}sequenceFlow id="f_accept" sourceRef="accept" targetRef="decide" />
                <{{p}}sequenceFlow id="f_complete" name="齐全" sourceRef="decide" targetRef="review" />
                <{{p}}sequenceFlow id="f_incomplete" name="需补正" sourceRef="decide" targetRef="waitSupplement">
                  <{{p}}conditionExpression xsi:type="{{p}}tFormalExpression">${materials == 'incomplete'}</{{p}}conditionExpression>
                </{{p}}sequenceFlow>
                <{{p}}sequenceFlow id="f_supplied" sourceRef="waitSupplement" targetRef="accept" />
                <{{p}}sequenceFlow id="f_reviewed" sourceRef="review" targetRef="end" />
                <{{p}}sequenceFlow id="f_overdue" sourceRef="acceptOverdue" targetRef="remind" />
                <{{p}}sequenceFlow id="f_reminded" sourceRef="remind" targetRef="remindEnd" />
                <{{p}}sequenceFlow id="f_withdrawn" sourceRef="reviewWithdrawn" targetRef="withdrawn" />
              </{{p}}process>
            {{diagram}}
            </{{p}}definitions>
            """;
    }

    /// <summary>What the engine runs, one line per node and flow, independent of how the XML spelled it.</summary>
    private static readonly string[] PermitShape =
    [
        "accept|UserTask|窗口受理|permit|None|||True|",
        "acceptOverdue|BoundaryEvent|受理超期|permit|Timer||Duration P3D|False|accept",
        "decide|ExclusiveGateway|材料是否齐全|permit|None|||True|",
        "end|EndEvent|办结|permit|None|||True|",
        "remind|UserTask|督办提醒|permit|None|||True|",
        "remindEnd|EndEvent||permit|None|||True|",
        "review|SubProcess|联合审查|permit|None|||True|",
        "reviewEnd|EndEvent||review|None|||True|",
        "reviewStart|StartEvent||review|None|||True|",
        "reviewWithdrawn|BoundaryEvent||permit|Message|申请撤回||True|review",
        "start|StartEvent|申请提交|permit|None|||True|",
        "technicalReview|UserTask|技术审查|review|None|||True|",
        "waitSupplement|IntermediateCatchEvent|等待补正材料|permit|Message|材料补正||True|",
        "withdrawn|EndEvent|撤回|permit|Terminate|||True|",
        "flow f_accept: accept -> decide",
        "flow f_complete: decide -> review (default)",
        "flow f_incomplete: decide -> waitSupplement if ${materials == 'incomplete'}",
        "flow f_overdue: acceptOverdue -> remind",
        "flow f_reminded: remind -> remindEnd",
        "flow f_reviewed: review -> end",
        "flow f_start: start -> accept",
        "flow f_supplied: waitSupplement -> accept",
        "flow f_withdrawn: reviewWithdrawn -> withdrawn",
        "flow r1: reviewStart -> technicalReview",
        "flow r2: technicalReview -> reviewEnd",
    ];

    private static string[] Shape(ProcessModel model) =>
    [
        .. model.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n =>
            $"{n.Id}|{n.Kind}|{n.Name}|{n.Scope.Id}|{n.Trigger}|{n.MessageName}|{(n.Timer is { } t ? $"{t.Kind} {t.Text}" : "")}|{n.CancelActivity}|{n.AttachedTo?.Id}"),
        .. model.Flows.Values.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f =>
            $"flow {f.Id}: {f.Source.Id} -> {f.Target.Id}{(f.Source.DefaultFlow == f ? " (default)" : "")}{(f.Condition is { } c ? $" if {c.Text}" : "")}"),
    ];

    private static void ShouldBeThePermitModel(ProcessModel model)
    {
        model.Key.ShouldBe("permit");
        model.Name.ShouldBe("建设工程施工许可");
        Shape(model).ShouldBe(PermitShape);
    }

    [Theory]
    [InlineData("bpmn", true)]
    [InlineData("bpmn", false)]
    [InlineData("semantic", true)]
    [InlineData("semantic", false)]
    [InlineData("bpmn2", true)]
    [InlineData("", true)]
    [InlineData("", false)]
    public void Same_model_reads_to_the_same_nodes_and_flows_whatever_the_prefix_and_with_or_without_a_diagram(string prefix, bool withDiagram)
    {
        var xml = PermitModel(prefix, withDiagram);
        if (prefix.Length > 0) xml.ShouldContain($"<{prefix}:userTask id=\"accept\"");
        xml.Contains("BPMNDiagram").ShouldBe(withDiagram);

        ShouldBeThePermitModel(BpmnReader.Read(xml));
    }

    [Fact]
    public void Elements_of_another_namespace_that_share_a_BPMN_local_name_are_not_read_as_BPMN()
    {
        var xml = PermitModel("bpmn").Replace(
            "<bpmn:endEvent id=\"end\" name=\"办结\" />",
            "<bpmn:endEvent id=\"end\" name=\"办结\" /><x:userTask xmlns:x=\"http://example.com/not-bpmn\" id=\"foreign\" />");

        var model = BpmnReader.Read(xml);

        model.Nodes.ContainsKey("foreign").ShouldBeFalse();
        ShouldBeThePermitModel(model);
    }

    [Fact]
    public void Bytes_and_text_of_the_same_model_read_alike()
    {
        var xml = PermitModel("bpmn");

        Shape(BpmnReader.Read(Encoding.UTF8.GetBytes(xml))).ShouldBe(Shape(BpmnReader.Read(xml)));
    }

    [Theory]
    [InlineData("GB2312")]
    [InlineData("GBK")]
    [InlineData("GB18030")]
    public void Model_saved_in_a_Chinese_code_page_reads_its_Chinese_names(string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(PermitModel("bpmn", encoding: encoding));
        // These bytes are not UTF-8: only the declaration tells how to read them.
        Should.Throw<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));

        ShouldBeThePermitModel(BpmnReader.Read(bytes));
    }

    [Theory]
    [InlineData("UTF-16LE")]
    [InlineData("UTF-16BE")]
    public void Model_saved_as_UTF16_with_a_byte_order_mark_reads_its_Chinese_names(string encodingName)
    {
        var encoding = encodingName == "UTF-16LE" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(PermitModel("semantic", encoding: "UTF-16"))).ToArray();
        bytes[..2].ShouldBe(encodingName == "UTF-16LE" ? new byte[] { 0xFF, 0xFE } : [0xFE, 0xFF]);

        ShouldBeThePermitModel(BpmnReader.Read(bytes));
    }

    [Fact]
    public void Model_saved_as_UTF8_with_a_byte_order_mark_reads_its_Chinese_names()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PermitModel(""))).ToArray();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        ShouldBeThePermitModel(BpmnReader.Read(bytes));
    }

    [Fact]
    public void Model_declared_ISO_8859_1_reads_Chinese_names_from_character_references_and_accented_letters_from_single_bytes()
    {
        // Latin-1 cannot hold Chinese: tools write it as character references. "Café" stays one raw byte 0xE9.
        var xml = PermitModel("semantic", encoding: "ISO-8859-1")
            .Replace("name=\"督办提醒\"", "name=\"督办提醒 Café\"");
        var text = new StringBuilder();
        foreach (var c in xml) text.Append(c > 0xFF ? $"&#{(int)c};" : c.ToString());
        var bytes = Encoding.Latin1.GetBytes(text.ToString());
        bytes.ShouldContain((byte)0xE9);
        Encoding.ASCII.GetString(bytes).ShouldContain("&#31383;&#21475;&#21463;&#29702;"); // 窗口受理

        var model = BpmnReader.Read(bytes);

        model.Node("remind").Name.ShouldBe("督办提醒 Café");
        model.Node("accept").Name.ShouldBe("窗口受理");
        model.Node("waitSupplement").MessageName.ShouldBe("材料补正");
        model.Name.ShouldBe("建设工程施工许可");
    }

    [Fact]
    public void Project_extension_attributes_are_read_by_local_name_and_foreign_attributes_are_left_out()
    {
        var model = BpmnReader.Read(PermitModel("bpmn"));

        var accept = model.Node("accept");
        accept.Extensions.OrderBy(e => e.Key).ShouldBe(
            [new KeyValuePair<string, string>("stepCode", "S01"), new KeyValuePair<string, string>("timeLimitDays", "3")]);
        model.Node("technicalReview").Extensions["stepCode"].ShouldBe("S02");
        model.Node("remind").Extensions.ShouldBeEmpty();
    }

    [Fact]
    public void Camunda_assignee_and_candidate_groups_are_read_and_resolve_against_variables()
    {
        var model = BpmnReader.Read(PermitModel("bpmn"));

        var accept = model.Node("accept");
        accept.Assignment.Assignee.ShouldBe("${initiator}");
        accept.Assignment.CandidateGroups.ShouldBe("window,supervisor");
        accept.Assignment.ResolveAssignee(new JsonObject { ["initiator"] = "zhang.san" }).ShouldBe("zhang.san");
        accept.Assignment.ResolveCandidateGroups(new JsonObject()).ShouldBe(["window", "supervisor"]);
        model.Node("remind").Assignment.Assignee.ShouldBeNull();
    }

    [Fact]
    public void Project_namespace_assignment_is_read_and_wins_over_camunda()
    {
        var xml = Process("assign", $"""
            <startEvent id="start" />
            <userTask id="approve" af:assignee="li.si" camunda:assignee="wang.wu" af:candidateGroups="leaders" />
            <endEvent id="end" />
            {Flow("f1", "start", "approve")}
            {Flow("f2", "approve", "end")}
            """);

        var approve = BpmnReader.Read(xml).Node("approve");

        approve.Assignment.Assignee.ShouldBe("li.si");
        approve.Assignment.CandidateGroups.ShouldBe("leaders");
    }

    [Fact]
    public void Message_events_take_the_name_of_the_message_their_messageRef_points_to()
    {
        var model = BpmnReader.Read(PermitModel("bpmn"));

        model.Node("waitSupplement").MessageName.ShouldBe("材料补正");
        // A prefixed reference (tns:msg_withdraw) resolves like a plain one.
        model.Node("reviewWithdrawn").MessageName.ShouldBe("申请撤回");
    }

    [Fact]
    public void A_message_without_a_name_is_refused_at_the_element_that_uses_it()
    {
        var xml = Process("unnamed", $"""
            <startEvent id="start" />
            <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="msg_paid" /></intermediateCatchEvent>
            <receiveTask id="receive" messageRef="msg_named" />
            <endEvent id="end" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "receive")}
            {Flow("f3", "receive", "end")}
            """, messages: """<message id="msg_paid" /><message id="msg_named" name="paid" /><message id="msg_unused" />""");

        var error = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldHaveSingleItem();

        error.ElementId.ShouldBe("wait");
        error.ElementType.ShouldBe("intermediateCatchEvent");
        error.Line.ShouldNotBeNull();
        error.Message.ShouldContain("'msg_paid'");
        error.Message.ShouldContain("no name");
    }

    [Fact]
    public void Boundary_events_are_attached_to_their_activity_with_their_interrupting_flag()
    {
        var model = BpmnReader.Read(PermitModel("bpmn"));

        var accept = model.Node("accept");
        var overdue = model.Node("acceptOverdue");
        overdue.AttachedTo.ShouldBeSameAs(accept);
        accept.BoundaryEvents.ShouldBe([overdue]);
        overdue.CancelActivity.ShouldBeFalse();
        overdue.Timer!.Kind.ShouldBe(TimerKind.Duration);
        overdue.Outgoing.Single().Target.Id.ShouldBe("remind");

        var review = model.Node("review");
        var withdrawn = model.Node("reviewWithdrawn");
        withdrawn.AttachedTo.ShouldBeSameAs(review);
        review.BoundaryEvents.ShouldBe([withdrawn]);
        withdrawn.CancelActivity.ShouldBeTrue();
        withdrawn.Trigger.ShouldBe(EventTrigger.Message);
    }

    [Fact]
    public void Sub_process_listing_its_own_incoming_and_outgoing_flows_reads_its_inner_scope()
    {
        var model = BpmnReader.Read(PermitModel("semantic"));

        var review = model.Node("review");
        review.Inner.ShouldNotBeNull();
        review.Inner.Start!.Id.ShouldBe("reviewStart");
        review.Inner.Nodes.Select(n => n.Id).ShouldBe(["reviewStart", "technicalReview", "reviewEnd"]);
        model.Node("technicalReview").Scope.ShouldBeSameAs(review.Inner);
        review.Incoming.Select(f => f.Id).ShouldBe(["f_complete"]);
        review.Outgoing.Select(f => f.Id).ShouldBe(["f_reviewed"]);
    }

    [Theory]
    [InlineData("<timeDuration>PT4H</timeDuration>", TimerKind.Duration, "PT4H", false)]
    [InlineData("<timeDate>2026-12-01T09:00:00+08:00</timeDate>", TimerKind.Date, "2026-12-01T09:00:00+08:00", false)]
    [InlineData("<timeDuration>${reviewLimit}</timeDuration>", TimerKind.Duration, "${reviewLimit}", true)]
    [InlineData("<timeDate>${deadline}</timeDate>", TimerKind.Date, "${deadline}", true)]
    public void Timer_catch_event_keeps_its_duration_date_or_expression(string timer, TimerKind kind, string text, bool isExpression)
    {
        var xml = Process("timers", $"""
            <startEvent id="start" />
            <intermediateCatchEvent id="wait"><timerEventDefinition>{timer}</timerEventDefinition></intermediateCatchEvent>
            <endEvent id="end" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "end")}
            """);

        var wait = BpmnReader.Read(xml).Node("wait");

        wait.Trigger.ShouldBe(EventTrigger.Timer);
        wait.Timer!.Kind.ShouldBe(kind);
        wait.Timer.Text.ShouldBe(text);
        (wait.Timer.Expression is not null).ShouldBe(isExpression);
    }

    [Fact]
    public void Service_task_handler_is_read_from_af_handler_or_a_camunda_delegate_expression()
    {
        var xml = Process("service", $$"""
            <startEvent id="start" />
            <serviceTask id="notify" af:handler="sms" />
            <serviceTask id="archive" camunda:delegateExpression="${ archiveDocuments }" />
            <endEvent id="end" />
            {{Flow("f1", "start", "notify")}}
            {{Flow("f2", "notify", "archive")}}
            {{Flow("f3", "archive", "end")}}
            """);

        var model = BpmnReader.Read(xml, name => name is "sms" or "archiveDocuments");

        model.Node("notify").HandlerName.ShouldBe("sms");
        model.Node("archive").HandlerName.ShouldBe("archiveDocuments");
    }
}
