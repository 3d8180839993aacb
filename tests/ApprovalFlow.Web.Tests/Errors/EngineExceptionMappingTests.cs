using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Expressions;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Web.Errors;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Errors;

public sealed class EngineExceptionMappingTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    public static TheoryData<Exception, int> Refusals => new()
    {
        { new DefinitionInvalidException([new ValidationError("a", "scriptTask", 3, "unsupported")]), 400 },
        { new ExecutionException("route", "no outgoing flow's condition holds"), 400 },
        { new DefinitionNotFoundException("land-review"), 404 },
        { new InstanceNotFoundException(Guid.NewGuid()), 404 },
        { new TaskNotFoundException(Guid.NewGuid()), 404 },
        { new MessageNotCorrelatedException("materials-supplied"), 404 },
        { new IncidentNotFoundException(Guid.NewGuid()), 404 },
        { new TaskNotOpenException(Guid.NewGuid(), "completed"), 409 },
        { new TaskClaimedException(Guid.NewGuid(), "officer@approvalflow.local"), 409 },
        { new TaskDelegatedException(Guid.NewGuid(), "officer@approvalflow.local"), 409 },
        { new MessageAmbiguousException("materials-supplied", 2), 409 },
        { new ConcurrencyException("changed meanwhile"), 409 },
        { new InstanceNotRunningException(Guid.NewGuid(), "completed"), 409 },
        { new ElementNotActiveException("review", "review is not active"), 409 },
        { new IncidentClosedException(Guid.NewGuid()), 409 },
        { new MigrationRefusedException([new MigrationProblem(Guid.NewGuid(), "eia", "no counterpart")]), 409 },
        { new EngineException("Cancelling a case needs a reason."), 400 },
        { new BpmnErrorException("registry-rejected"), 400 },
        { new ExpressionSyntaxException("unexpected ')'", 4), 400 },
        { new ExpressionEvaluationException("'fee' is not a number"), 400 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_engine_refusal_becomes_a_problem_with_its_status(Exception refusal, int status)
    {
        var (handled, context, problem) = await HandleAsync(refusal);

        handled.ShouldBeTrue();
        context.Response.StatusCode.ShouldBe(status);
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["detail"]!.GetValue<string>().ShouldBe(refusal.Message);
    }

    [Fact]
    public async Task An_invalid_model_lists_each_offending_element()
    {
        var (_, _, problem) = await HandleAsync(new DefinitionInvalidException(
        [
            new ValidationError("compute-fee", "scriptTask", 7, "Script tasks are not supported."),
            new ValidationError(null, null, null, "The process has no start event."),
        ]));

        var errors = problem["errors"]!.AsArray();
        errors.Count.ShouldBe(2);
        errors[0]!["elementId"]!.GetValue<string>().ShouldBe("compute-fee");
        errors[0]!["elementType"]!.GetValue<string>().ShouldBe("scriptTask");
        errors[0]!["line"]!.GetValue<int>().ShouldBe(7);
        errors[1]!["message"]!.GetValue<string>().ShouldBe("The process has no start event.");
    }

    [Fact]
    public async Task A_refused_migration_lists_each_case_and_element_that_stopped_it()
    {
        var instanceId = Guid.NewGuid();
        var (_, _, problem) = await HandleAsync(new MigrationRefusedException(
        [
            new MigrationProblem(instanceId, "eia", "Active element 'eia' has no counterpart in the new version; map it."),
            new MigrationProblem(Guid.Empty, "land", "The mapping names 'nowhere', which version 2 does not have."),
        ]));

        var problems = problem["problems"]!.AsArray();
        problems.Count.ShouldBe(2);
        problems[0]!["instanceId"]!.GetValue<Guid>().ShouldBe(instanceId);
        problems[0]!["elementId"]!.GetValue<string>().ShouldBe("eia");
        problems[0]!["message"]!.GetValue<string>().ShouldContain("no counterpart");
        problems[1]!["elementId"]!.GetValue<string>().ShouldBe("land");
    }

    [Fact]
    public async Task An_unhandled_bpmn_error_carries_its_code()
    {
        var (_, _, problem) = await HandleAsync(new BpmnErrorException("registry-rejected", "the registry rejected the project code"));

        problem["errorCode"]!.GetValue<string>().ShouldBe("registry-rejected");
    }

    [Fact]
    public async Task Exceptions_that_are_not_refusals_are_left_to_the_default_handler()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("a bug"));

        handled.ShouldBeFalse();
    }

    private async Task<(bool Handled, HttpContext Context, JsonObject Problem)> HandleAsync(Exception exception)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<EngineExceptionHandler>(scope.ServiceProvider);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (handled, context, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }
}
