using System.Diagnostics;
using System.Text;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Parsing;

/// <summary>
/// Regressions of the deploy fuzzing (tests/ApprovalFlow.Web.Tests/Fuzzing): models that once took minutes to read or were
/// stored in a way a database refuses. Each is read (accepted or refused with located errors) well within the time limit.
/// </summary>
public class HostileModelReaderTests
{
    /// <summary>Generous for a loaded two-core machine: the reads below take well under a second once linear.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static IReadOnlyList<ValidationError>? ReadTimed(string xml)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ValidationError>? errors = null;
        try
        {
            BpmnReader.ReadAll(xml);
        }
        catch (DefinitionInvalidException e)
        {
            errors = e.Errors;
        }
        watch.Elapsed.ShouldBeLessThan(Limit);
        return errors;
    }

    private static string Chain(int tasks, bool flowIds)
    {
        var body = new StringBuilder("<startEvent id=\"s\"/>\n");
        string FlowOf(int i, string from, string to) => flowIds
            ? $"<sequenceFlow id=\"f{i}\" sourceRef=\"{from}\" targetRef=\"{to}\"/>"
            : $"<sequenceFlow sourceRef=\"{from}\" targetRef=\"{to}\"/>";
        body.Append(FlowOf(0, "s", "t0")).Append('\n');
        for (var i = 0; i < tasks; i++)
            body.Append($"<task id=\"t{i}\"/>").Append(FlowOf(i + 1, $"t{i}", i + 1 < tasks ? $"t{i + 1}" : "e")).Append('\n');
        body.Append("<endEvent id=\"e\"/>");
        return Process("chain", body.ToString());
    }

    [Fact]
    public void A_chain_of_twenty_thousand_tasks_is_read_in_time()
    {
        ReadTimed(Chain(20_000, flowIds: true)).ShouldBeNull();
    }

    [Fact]
    public void Twenty_thousand_flows_without_ids_are_named_in_time()
    {
        // Each flow's position among its siblings names it: counted anew per flow, this took a minute at 50,000.
        ReadTimed(Chain(20_000, flowIds: false)).ShouldBeNull();
    }

    [Fact]
    public void A_file_above_the_flow_element_limit_is_refused_whole_at_its_root()
    {
        var error = ReadTimed(Chain(50_000, flowIds: false)).ShouldNotBeNull().ShouldHaveSingleItem();
        error.ElementType.ShouldBe("definitions");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain($"at most {BpmnReader.MaxFlowElements}");
    }

    [Fact]
    public void A_file_of_thousands_of_processes_is_refused_before_any_is_read()
    {
        var text = new StringBuilder("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">""");
        for (var i = 0; i < 5_000; i++)
            text.Append($"""<process id="p{i}" isExecutable="true"><startEvent id="s{i}"/><sequenceFlow id="f{i}" sourceRef="s{i}" targetRef="e{i}"/><endEvent id="e{i}"/></process>""");
        var error = ReadTimed(text.Append("</definitions>").ToString()).ShouldNotBeNull().ShouldHaveSingleItem();
        error.Message.ShouldContain("5000 executable processes");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Ids_and_names_longer_than_their_columns_are_refused_at_their_element_and_the_refusal_stays_small()
    {
        var longId = new string('i', 10_000);
        var longName = new string('n', 1_000_000);
        var xml = Process("long", $"""
            <startEvent id="start" name="{longName}" />
            <task id="{longId}" />
            <endEvent id="end" />
            {Flow("f1", "start", "end")}
            """);
        var errors = ReadTimed(xml).ShouldNotBeNull();
        errors.ShouldContain(e => e.ElementId == "start" && e.Line == 8 && e.Message.Contains("at most 400"));
        errors.ShouldContain(e => e.ElementType == "task" && e.Line == 9 && e.Message.Contains("at most 200"));
        errors.ShouldAllBe(e => (e.ElementId == null || e.ElementId.Length <= ValidationError.MaxIdLength) && e.Message.Length <= ValidationError.MaxMessageLength);

        var keyed = ReadTimed(Process(new string('k', 300), """<startEvent id="s" />""" + Flow("f", "s", "e") + """<endEvent id="e" />""")).ShouldNotBeNull();
        keyed.ShouldContain(e => e.ElementType == "process" && e.Message.Contains("process id is 300 characters"));
    }

    [Fact]
    public void A_ten_megabyte_condition_is_refused_without_quoting_it_whole()
    {
        var xml = Process("condition", $"""
            <startEvent id="s" />
            <exclusiveGateway id="g" default="f3" />
            <endEvent id="e" />
            {Flow("f1", "s", "g")}
            {Flow("f2", "g", "e", "${" + new string('x', 10 * 1024 * 1024) + " == 1}")}
            {Flow("f3", "g", "e")}
            """);
        var error = ReadTimed(xml).ShouldNotBeNull().ShouldHaveSingleItem();
        error.ElementId.ShouldBe("f2");
        error.Message.Length.ShouldBeLessThanOrEqualTo(ValidationError.MaxMessageLength);
    }

    [Fact]
    public void Tens_of_thousands_of_problems_are_listed_up_to_the_limit_and_counted()
    {
        var body = new StringBuilder("""<startEvent id="s" />""" + Flow("f", "s", "e") + """<endEvent id="e" />""");
        for (var i = 0; i < 20_000; i++) body.Append($"""<sequenceFlow id="d{i}" sourceRef="nowhere{i}" targetRef="e" />""");
        var errors = ReadTimed(Process("dangling", body.ToString())).ShouldNotBeNull();
        errors.Count.ShouldBe(BpmnReader.MaxListedErrors + 1);
        errors[^1].Message.ShouldContain("more problem(s) are not listed");
    }

    [Fact]
    public void Thousands_of_exclusive_splits_beside_thousands_of_parallel_joins_are_checked_in_time()
    {
        const int diamonds = 2_000, joins = 2_000;
        var body = new StringBuilder("""<startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="fork"/><parallelGateway id="fork"/><sequenceFlow id="toChain" sourceRef="fork" targetRef="x0"/>""");
        for (var i = 0; i < diamonds; i++)
        {
            var next = i + 1 < diamonds ? $"x{i + 1}" : "chainEnd";
            body.Append($"<exclusiveGateway id=\"x{i}\" default=\"x{i}b\"/>")
                .Append($"<sequenceFlow id=\"x{i}a\" sourceRef=\"x{i}\" targetRef=\"m{i}\"><conditionExpression>${{n &gt; {i}}}</conditionExpression></sequenceFlow>")
                .Append($"<sequenceFlow id=\"x{i}b\" sourceRef=\"x{i}\" targetRef=\"m{i}\"/>")
                .Append($"<exclusiveGateway id=\"m{i}\"/><sequenceFlow id=\"m{i}o\" sourceRef=\"m{i}\" targetRef=\"{next}\"/>\n");
        }
        body.Append("<endEvent id=\"chainEnd\"/>\n");
        for (var j = 0; j < joins; j++)
            body.Append($"<sequenceFlow id=\"j{j}a\" sourceRef=\"fork\" targetRef=\"j{j}\"/><sequenceFlow id=\"j{j}b\" sourceRef=\"fork\" targetRef=\"j{j}\"/>")
                .Append($"<parallelGateway id=\"j{j}\"/><sequenceFlow id=\"j{j}o\" sourceRef=\"j{j}\" targetRef=\"je{j}\"/><endEvent id=\"je{j}\"/>\n");
        ReadTimed(Process("diamonds", body.ToString())).ShouldBeNull();
    }
}
