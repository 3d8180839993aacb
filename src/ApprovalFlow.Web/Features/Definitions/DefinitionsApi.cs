using ApprovalFlow.Web.Features.Designer;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using ApprovalFlow.Web.Features.Instances;
using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Definitions;

/// <summary>One process a deployment stored: its id, key and new version.</summary>
public sealed record DeployedProcess(Guid Id, string Key, int Version);

/// <summary>
/// What a deployment stored: <see cref="Processes"/> lists every executable process of the file (document order); the
/// first is repeated as <c>id</c>, <c>key</c> and <c>version</c> for clients written when a file deployed one process.
/// </summary>
public sealed record DeployedResponse(Guid Id, string Key, int Version, IReadOnlyList<DeployedProcess> Processes);

public sealed record DefinitionResponse(Guid Id, string Key, int Version, string? Name, DateTime DeployedAt);

public static class DefinitionsApi
{
    public static RouteGroupBuilder MapDefinitionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/definitions").WithTags("Definitions");
        group.MapPost("/", DeployAsync)
            .Accepts<string>("application/xml", "text/xml")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Deploys a BPMN 2.0 model as the next version of its process key (an approval model must keep the approval contract: 422 otherwise)")
            .RequireAdministrator();
        group.MapGet("/", ListAsync).WithSummary("Lists every deployed version");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One deployed version");
        return group;
    }

    public static async Task<Results<Created<DeployedResponse>, ProblemHttpResult>> DeployAsync(
        HttpRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: L.T("须提交 BPMN XML", "BPMN XML expected"),
                detail: L.T("请以请求正文提交流程模型，Content-Type 为 application/xml。", "Send the model as the body with Content-Type: application/xml."));
        }

        // An empty body is refused by the command like any other empty model: 400 with errors.xml, as the designer's publish.
        var body = await ModelBody.ReadAsync(request, ct);
        var deployed = await sender.Send(new PublishDefinition(Actor.Of(user), body), ct);
        return TypedResults.Created($"/api/definitions/{deployed.Id}", deployed);
    }

    public static async Task<Ok<DefinitionResponse[]>> ListAsync(WorkflowEngine engine, CancellationToken ct)
    {
        var definitions = await engine.ListDefinitionsAsync(ct);
        return TypedResults.Ok(definitions.Select(ToResponse).ToArray());
    }

    public static async Task<Results<Ok<DefinitionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        var definition = (await engine.ListDefinitionsAsync(ct)).FirstOrDefault(d => d.Id == id);
        return definition is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: RefusedException.TitleOf(StatusCodes.Status404NotFound),
                detail: L.T("该已部署的流程定义不存在。", $"No deployed definition has id {id}."))
            : TypedResults.Ok(ToResponse(definition));
    }

    private static DefinitionResponse ToResponse(DeployedDefinition d) => new(d.Id, d.Key, d.Version, d.Name, d.DeployedAt.AsUtc());
}
