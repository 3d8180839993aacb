using System.Text;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Engine.Tests.Runtime;

/// <summary>Host validators (<see cref="IModelValidator"/>): run at deployment and by ValidateAsync; a refusal deploys nothing.</summary>
public class HostValidatorTests
{
    private static readonly string Model = Bpmn.Process("reviewed", """
        <startEvent id="start" />
        <userTask id="review" name="Review" af:stepCode="review" af:department="planning" />
        <exclusiveGateway id="decision" default="toRejected" />
        <endEvent id="approved" />
        <endEvent id="rejected" />
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "decision")
            + Bpmn.Flow("toApproved", "decision", "approved", "${outcome == 'approve'}") + Bpmn.Flow("toRejected", "decision", "rejected"));

    /// <summary>Refuses every user task without af:timeLimitDays, and records what it saw.</summary>
    private sealed class NeedsTimeLimit : IModelValidator
    {
        public List<ModelView> Seen { get; } = [];

        public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(ModelView model, CancellationToken ct)
        {
            Seen.Add(model);
            IReadOnlyList<ValidationError> problems = model.Elements
                .Where(e => e.ElementType == "userTask" && e.Extension("timeLimitDays") is null)
                .Select(e => new ValidationError(e.Id, e.ElementType, e.Line, $"{e.Label} has no time limit"))
                .ToList();
            return ValueTask.FromResult(problems);
        }
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_refusing_validator_stores_nothing_and_names_the_element(StoreKind store)
    {
        var validator = new NeedsTimeLimit();
        await using var h = await EngineHarness.CreateAsync(store, s => s.AddSingleton<IModelValidator>(validator));

        var refused = await Should.ThrowAsync<DefinitionInvalidException>(() => h.DeployAsync(Model));

        refused.RefusedByHost.ShouldBeTrue();
        var problem = refused.Errors.ShouldHaveSingleItem();
        problem.ElementId.ShouldBe("review");
        problem.Line.ShouldNotBeNull();
        problem.Message.ShouldBe("Review (review) has no time limit");
        (await h.Engine().ListDefinitionsAsync()).ShouldBeEmpty();

        var fixedModel = Model.Replace("af:department=\"planning\"", "af:department=\"planning\" af:timeLimitDays=\"5\"", StringComparison.Ordinal);
        (await h.DeployAsync(fixedModel)).Version.ShouldBe(1);
        (await h.Engine().ListDefinitionsAsync()).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Without_a_validator_a_model_deploys_as_before(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);

        (await h.DeployAsync(Model)).Version.ShouldBe(1);

        var check = await h.Engine().ValidateAsync(Model);
        check.Valid.ShouldBeTrue();
        check.Processes.Single().ProcessKey.ShouldBe("reviewed");
    }

    [Fact]
    public async Task The_validator_sees_elements_with_extensions_flows_and_conditions()
    {
        var validator = new NeedsTimeLimit();
        await using var h = await EngineHarness.CreateAsync(StoreKind.Sqlite, s => s.AddSingleton<IModelValidator>(validator));

        var check = await h.Engine().ValidateAsync(Encoding.UTF8.GetBytes(Model));

        check.Valid.ShouldBeFalse();
        check.RefusedByHost.ShouldBeTrue();
        check.Problems.Single().ElementId.ShouldBe("review");
        var view = validator.Seen.Single();
        view.ProcessKey.ShouldBe("reviewed");
        var review = view.Element("review")!;
        review.ElementType.ShouldBe("userTask");
        review.Extensions["stepCode"].ShouldBe("review");
        review.Outgoing.Single().TargetId.ShouldBe("decision");
        var decision = view.Element("decision")!;
        decision.DefaultFlowId.ShouldBe("toRejected");
        decision.Outgoing.Select(f => (f.Id, f.Condition)).ShouldBe([("toApproved", "${outcome == 'approve'}"), ("toRejected", null)], ignoreOrder: true);
        (await h.Engine().ListDefinitionsAsync()).ShouldBeEmpty("validating deploys nothing");
    }

    [Fact]
    public async Task Parser_problems_come_first_and_the_validators_do_not_run()
    {
        var validator = new NeedsTimeLimit();
        await using var h = await EngineHarness.CreateAsync(StoreKind.Sqlite, s => s.AddSingleton<IModelValidator>(validator));
        var broken = Model.Replace("targetRef=\"review\"", "targetRef=\"nowhere\"", StringComparison.Ordinal);

        var check = await h.Engine().ValidateAsync(broken);
        var refused = await Should.ThrowAsync<DefinitionInvalidException>(() => h.DeployAsync(broken));

        check.Valid.ShouldBeFalse();
        check.RefusedByHost.ShouldBeFalse();
        check.Processes.ShouldBeEmpty();
        refused.RefusedByHost.ShouldBeFalse();
        validator.Seen.ShouldBeEmpty();
    }
}
