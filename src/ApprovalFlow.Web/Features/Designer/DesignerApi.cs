using System.Security.Claims;
using ApprovalFlow.Web.Features.Definitions;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>The workflow designer's API (流程设计器), administrators only. Models travel as the XML body (application/xml).</summary>
public static class DesignerApi
{
    public static RouteGroupBuilder MapDesignerApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/designer").WithTags("Designer").RequireRoles(AppRoles.Administrator);
        group.MapPost("/validate", ValidateAsync).Accepts<string>("application/xml", "text/xml")
            .WithSummary("Checks a model with the engine's parser and validator without deploying it: every problem with element and line");
        group.MapPost("/publish", PublishAsync).Accepts<string>("application/xml", "text/xml").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Deploys the model as the next version of its process key");
        group.MapGet("/versions", ListVersionsAsync)
            .WithSummary("Every deployed version with its running instances and the running approval cases on it");
        group.MapGet("/versions/{id:guid}/xml", GetXmlAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The BPMN XML of a deployed version");
        group.MapGet("/files", ListFilesAsync).WithSummary("The model files the designer can open, per folder");
        group.MapGet("/files/{folder}/{file}", ReadFileAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One model file's XML");
        return group;
    }

    public static async Task<Ok<ModelValidationResponse>> ValidateAsync(HttpRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ValidateModel(Actor.Of(user), await BodyAsync(request, ct)), ct));

    public static async Task<Created<DeployedResponse>> PublishAsync(HttpRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var deployed = await sender.Send(new PublishDefinition(Actor.Of(user), System.Text.Encoding.UTF8.GetBytes(await BodyAsync(request, ct))), ct);
        return TypedResults.Created($"/api/definitions/{deployed.Id}", deployed);
    }

    public static async Task<Ok<IReadOnlyList<DefinitionVersionResponse>>> ListVersionsAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDefinitionVersions(Actor.Of(user)), ct));

    public static async Task<Ok<DefinitionXmlResponse>> GetXmlAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetDefinitionXml(Actor.Of(user), id), ct));

    public static async Task<Ok<IReadOnlyList<ModelFolderResponse>>> ListFilesAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListModelFiles(Actor.Of(user)), ct));

    public static async Task<Ok<ModelFileResponse>> ReadFileAsync(string folder, string file, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReadModelFile(Actor.Of(user), folder, file), ct));

    private static async Task<string> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw RefusedException.Invalid("body", L.T("请以请求正文提交流程模型，Content-Type 为 application/xml。", "Send the model as the body with Content-Type: application/xml."));
        }
        using var reader = new StreamReader(new MemoryStream(await ModelBody.ReadAsync(request, ct)));
        return await reader.ReadToEndAsync(ct);
    }
}
