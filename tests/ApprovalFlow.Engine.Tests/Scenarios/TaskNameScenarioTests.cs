using ApprovalFlow.Engine.Expressions;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>Expressions in task names: <c>${loopCounter}</c> and other variables, rendered when the task is created.</summary>
public class TaskNameScenarioTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Task_names_render_their_expressions_per_instance(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("task-name-expressions"), "test");
        var instance = await h.StartAsync("taskNames", new { departments = new[] { "planning", "fire" }, applicant = new { name = "Acme Ltd" } });

        var reviews = await h.TasksAsync(instance.Id);
        reviews.Select(t => (t.Name, t.Assignee)).Order().ShouldBe([("Review 1 of 2: planning", "planning"), ("Review 2 of 2: fire", "fire")]);
        foreach (var task in reviews) await h.Engine().CompleteTaskAsync(task.Id, null, "officer");

        (await h.TaskAsync(instance.Id, "sign")).Name.ShouldBe("Sign for Acme Ltd");
    }

    [Theory]
    [InlineData("Check ${amount")]
    [InlineData("Check ${amount >}")]
    public void A_task_name_whose_expression_does_not_parse_is_refused(string name)
    {
        var xml = ScenarioModel.Text("task-name-expressions").Replace("Sign for ${applicant.name}", System.Security.SecurityElement.Escape(name));

        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldHaveSingleItem().Message.ShouldContain("holds an expression that cannot be parsed");
    }

    [Fact]
    public void Text_without_expressions_and_quoted_braces_render_as_written()
    {
        TextTemplate.TryParse("Plain name", out var plain, out _).ShouldBeTrue();
        plain!.Render([]).ShouldBe("Plain name");
        TextTemplate.TryParse("Say ${greeting == '}' ? 'brace' : 'other'}!", out var quoted, out _).ShouldBeTrue();
        quoted!.Render(new System.Text.Json.Nodes.JsonObject { ["greeting"] = "}" }).ShouldBe("Say brace!");
    }
}
