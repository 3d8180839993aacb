using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Scenarios;

namespace ApprovalFlow.Engine.Tests.Parsing;

/// <summary>What the reader accepts from other tools: flows without ids, new task types, several pools.</summary>
public class LeniencyReaderTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:af="http://approvalflow.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        """;

    [Fact]
    public void Flows_without_ids_get_ids_from_source_target_and_position_the_same_on_every_read()
    {
        var text = ScenarioModel.Text("flows-without-ids");

        var first = BpmnReader.Read(text);
        var second = BpmnReader.Read(ScenarioModel.Bytes("flows-without-ids"));

        first.Flows.Keys.Order().ShouldBe([
            "flow_approved_fulfil_3", "flow_approved_rejected_4", "flow_check_approved_2", "flow_fulfil_done_5", "flow_start_check_1"]);
        second.Flows.Keys.Order().ShouldBe(first.Flows.Keys.Order());
        first.Flows["flow_approved_fulfil_3"].Name.ShouldBe("yes");
        first.Flows["flow_approved_fulfil_3"].Condition.ShouldNotBeNull();
    }

    [Fact]
    public void A_generated_flow_id_never_takes_an_id_the_file_already_uses()
    {
        var xml = Head + """
            <process id="p" isExecutable="true">
              <startEvent id="flow_s_e_1" />
              <endEvent id="e" />
              <startEvent id="s" />
              <sequenceFlow sourceRef="s" targetRef="e" />
              <sequenceFlow id="other" sourceRef="flow_s_e_1" targetRef="e" />
            </process></definitions>
            """;
        // Two none starts are refused; the point here is the ids the refusal names.
        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors;

        errors.ShouldNotContain(e => e.Message.Contains("more than one element"));
        errors.ShouldNotContain(e => e.Message.Contains("has no id"));
        errors.Select(e => e.ElementId).ShouldBe(["flow_s_e_1", "s"], ignoreOrder: true);
    }

    [Fact]
    public void A_flow_without_an_id_that_is_refused_is_named_by_its_generated_id_and_line()
    {
        var xml = Head + """
            <process id="p" isExecutable="true">
              <startEvent id="s" />
              <endEvent id="e" />
              <sequenceFlow sourceRef="s" targetRef="nowhere" />
              <sequenceFlow sourceRef="s" targetRef="e" />
            </process></definitions>
            """;

        var error = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldHaveSingleItem();

        error.ElementId.ShouldBe("flow_s_nowhere_1");
        error.Line.ShouldBe(5); // Head ends without a line break: the process stands on line 2
        error.Message.ShouldContain("targetRef 'nowhere'");
    }

    [Fact]
    public void Task_types_from_other_tools_read_as_what_they_do()
    {
        var xml = Head + """
            <message id="m" name="Arrived" />
            <process id="p" isExecutable="true">
              <startEvent id="s" />
              <task id="t" /><manualTask id="mt" /><receiveTask id="rt" messageRef="m" />
              <sendTask id="st" af:handler="h" /><businessRuleTask id="br" af:handler="h" />
              <endEvent id="e" />
              <sequenceFlow id="f1" sourceRef="s" targetRef="t" /><sequenceFlow id="f2" sourceRef="t" targetRef="mt" />
              <sequenceFlow id="f3" sourceRef="mt" targetRef="rt" /><sequenceFlow id="f4" sourceRef="rt" targetRef="st" />
              <sequenceFlow id="f5" sourceRef="st" targetRef="br" /><sequenceFlow id="f6" sourceRef="br" targetRef="e" />
            </process></definitions>
            """;

        var model = BpmnReader.Read(xml, name => name == "h");

        model.Node("t").Kind.ShouldBe(NodeKind.PassThroughTask);
        model.Node("mt").Kind.ShouldBe(NodeKind.PassThroughTask);
        model.Node("rt").Kind.ShouldBe(NodeKind.ReceiveTask);
        model.Node("rt").MessageName.ShouldBe("Arrived");
        model.Node("st").Kind.ShouldBe(NodeKind.ServiceTask);
        model.Node("st").ElementType.ShouldBe("sendTask");
        model.Node("br").HandlerName.ShouldBe("h");
        model.UsesMessages.ShouldBeTrue();
    }

    [Fact]
    public void Every_executable_pool_is_read_in_document_order_and_one_can_be_read_by_its_key()
    {
        var text = ScenarioModel.Text("collaboration");
        Func<string, bool> handlers = name => name is "sendOrder" or "sendDelivery";

        var all = BpmnReader.ReadAll(text, handlers);

        all.Select(m => m.Key).ShouldBe(["customerOrder", "supplierFulfilment"]);
        BpmnReader.Read(text, handlers).Key.ShouldBe("customerOrder");
        var supplier = BpmnReader.Read(text, handlers, "supplierFulfilment");
        supplier.Root.MessageStarts.ShouldHaveSingleItem().MessageName.ShouldBe("OrderPlaced");
        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(text, handlers, "bank"))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("no executable process 'bank'");
    }

    [Fact]
    public void Where_some_pools_are_marked_executable_only_those_are_read_and_pools_marked_not_executable_never()
    {
        static string Pool(string id, string? executable) => $"""
            <process id="{id}"{(executable is null ? "" : $" isExecutable=\"{executable}\"")}>
              <startEvent id="{id}_s" /><complexGateway id="{id}_g" /><endEvent id="{id}_e" />
              <sequenceFlow id="{id}_f1" sourceRef="{id}_s" targetRef="{id}_g" /><sequenceFlow id="{id}_f2" sourceRef="{id}_g" targetRef="{id}_e" />
            </process>
            """;
        static string Runnable(string id, string? executable) => $"""
            <process id="{id}"{(executable is null ? "" : $" isExecutable=\"{executable}\"")}>
              <startEvent id="{id}_s" /><endEvent id="{id}_e" /><sequenceFlow id="{id}_f" sourceRef="{id}_s" targetRef="{id}_e" />
            </process>
            """;

        // The descriptive pools would be refused (complexGateway) if they were read at all.
        BpmnReader.ReadAll(Head + Pool("a", null) + Runnable("b", "true") + "</definitions>").Select(m => m.Key).ShouldBe(["b"]);
        BpmnReader.ReadAll(Head + Pool("a", "false") + Runnable("b", null) + Runnable("c", null) + "</definitions>")
            .Select(m => m.Key).ShouldBe(["b", "c"]);
        var refusal = Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(Head + Pool("a", "false") + "</definitions>"));
        refusal.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("No process in this file is executable: its process is marked isExecutable=\"false\"");
    }

    [Fact]
    public void A_stored_definition_is_read_back_by_its_key_even_if_its_process_is_marked_not_executable()
    {
        // Deployed before the rule refusing descriptive files: a lone process marked isExecutable="false" was taken then.
        var xml = Head + """
            <process id="old" isExecutable="false"><startEvent id="s" /><endEvent id="e" /><sequenceFlow id="f" sourceRef="s" targetRef="e" /></process>
            </definitions>
            """;

        Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(xml));
        BpmnReader.Read(xml, null, "old").Key.ShouldBe("old");
    }

    [Fact]
    public void Two_processes_of_one_file_starting_on_the_same_message_are_refused()
    {
        var xml = Head + """
            <message id="m" name="Applied" />
            <process id="a" isExecutable="true"><startEvent id="sa"><messageEventDefinition messageRef="m" /></startEvent><endEvent id="ea" /><sequenceFlow id="fa" sourceRef="sa" targetRef="ea" /></process>
            <process id="b" isExecutable="true"><startEvent id="sb"><messageEventDefinition messageRef="m" /></startEvent><endEvent id="eb" /><sequenceFlow id="fb" sourceRef="sb" targetRef="eb" /></process>
            </definitions>
            """;

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(xml)).Errors;

        errors.Select(e => e.ElementId).ShouldBe(["sa", "sb"], ignoreOrder: true);
        errors.ShouldAllBe(e => e.Message.Contains("both start on message 'Applied'"));
    }

    [Fact]
    public void A_problem_in_any_pool_refuses_the_whole_file()
    {
        var xml = Head + """
            <process id="good" isExecutable="true"><startEvent id="s1" /><endEvent id="e1" /><sequenceFlow id="f1" sourceRef="s1" targetRef="e1" /></process>
            <process id="bad" isExecutable="true"><startEvent id="s2" /><endEvent id="e2" /><sequenceFlow id="f2" sourceRef="s2" targetRef="nowhere" /></process>
            </definitions>
            """;

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(xml)).Errors;

        errors.ShouldContain(e => e.ElementId == "f2");
    }

    private static string OneTask(string task) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:af="http://approvalflow.org/schema/1.0/bpmn"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
                     xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <process id="p" isExecutable="true">
            <startEvent id="s" />
            {task}
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="x" /><sequenceFlow id="f2" sourceRef="x" targetRef="e" />
          </process>
        </definitions>
        """;

    [Theory]
    [InlineData("""<serviceTask id="x" af:handler="h1" camunda:delegateExpression="${other}" />""", "h1")]
    [InlineData("""<serviceTask id="x" camunda:delegateExpression="${h2}" />""", "h2")]
    [InlineData("""<serviceTask id="x" activiti:delegateExpression="#{h3}" />""", "h3")]
    [InlineData("""<serviceTask id="x" camunda:class="org.example.Archive" />""", "org.example.Archive")]
    [InlineData("""<sendTask id="x" camunda:type="external" camunda:topic="emailService" />""", "emailService")]
    [InlineData("""<serviceTask id="x"><extensionElements><zeebe:taskDefinition type="issuePolicy" /></extensionElements></serviceTask>""", "issuePolicy")]
    [InlineData("""<businessRuleTask id="x" camunda:decisionRef="riskCheck" />""", "riskCheck")]
    [InlineData("""<businessRuleTask id="x"><extensionElements><zeebe:calledDecision decisionId="risk_check" resultVariable="r" /></extensionElements></businessRuleTask>""", "risk_check")]
    [InlineData("""<sendTask id="x" implementation="##WebService" />""", "##WebService")]
    public void A_service_like_task_names_its_handler_the_way_its_tool_writes_it(string task, string handler)
    {
        var asked = new List<string>();

        var model = BpmnReader.Read(OneTask(task), name => { asked.Add(name); return name == handler; });

        model.Node("x").HandlerName.ShouldBe(handler);
        asked.ShouldBe([handler]);
    }

    [Fact]
    public void A_task_whose_implementation_is_unspecified_names_no_handler()
    {
        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(OneTask("""<serviceTask id="x" implementation="##unspecified" />"""), _ => true)).Errors;

        errors.ShouldHaveSingleItem().Message.ShouldStartWith("The service task names no handler");
    }

    [Theory]
    [InlineData("= approved", true, false)]
    [InlineData("=not(approved)", false, true)]
    [InlineData("= amount > 1000 and approved", true, false)]
    public void A_simple_Zeebe_FEEL_condition_reads_as_the_same_expression(string feel, bool whenApproved, bool whenNotApproved)
    {
        var xml = OneTask("""<exclusiveGateway id="x" default="f2" />""").Replace("""<sequenceFlow id="f2" """,
            $"""<sequenceFlow id="g" sourceRef="x" targetRef="e"><conditionExpression>{System.Security.SecurityElement.Escape(feel)}</conditionExpression></sequenceFlow><sequenceFlow id="f2" """);

        var condition = BpmnReader.Read(xml).Flows["g"].Condition!;

        condition.EvaluateBoolean(new System.Text.Json.Nodes.JsonObject { ["approved"] = true, ["amount"] = 5000 }).ShouldBe(whenApproved);
        condition.EvaluateBoolean(new System.Text.Json.Nodes.JsonObject { ["approved"] = false, ["amount"] = 5000 }).ShouldBe(whenNotApproved);
    }

    [Theory]
    [InlineData("= risk = \"red\"")]
    [InlineData("= some risk in riskLevels satisfies risk == \"red\"")]
    public void A_FEEL_only_condition_is_refused(string feel)
    {
        var xml = OneTask("""<exclusiveGateway id="x" default="f2" />""").Replace("""<sequenceFlow id="f2" """,
            $"""<sequenceFlow id="g" sourceRef="x" targetRef="e"><conditionExpression>{System.Security.SecurityElement.Escape(feel)}</conditionExpression></sequenceFlow><sequenceFlow id="f2" """);

        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldContain(e => e.ElementId == "g" && e.Message.Contains("cannot be parsed"));
    }

    [Theory]
    [InlineData("R3/P1D", 3, 1)]
    [InlineData("R/PT12H", null, 0)]
    [InlineData("r2/p1w", 2, 7)]
    public void A_timer_cycle_reads_its_repetitions_and_interval(string text, int? repetitions, int days)
    {
        IsoCycle.TryParse(text, out var cycle).ShouldBeTrue();
        cycle.Repetitions.ShouldBe(repetitions);
        cycle.Interval.Days.ShouldBe(days);
    }

    [Theory]
    [InlineData("R0/P1D")]
    [InlineData("R/PT0S")]
    [InlineData("R3/2026-01-01T00:00:00Z/P1D")]
    [InlineData("0 0 9 * * ?")]
    [InlineData("P1D")]
    public void A_timer_cycle_the_engine_cannot_run_is_refused(string text)
    {
        var xml = OneTask($"""<intermediateCatchEvent id="x"><timerEventDefinition><timeCycle>{text}</timeCycle></timerEventDefinition></intermediateCatchEvent>""");

        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldHaveSingleItem().Message.ShouldContain("is not a timer cycle the engine runs");
    }
}
