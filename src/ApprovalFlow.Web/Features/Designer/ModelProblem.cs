using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>One problem the engine's parser or validator found in a model, at an element and line where it can tell.</summary>
public sealed record ModelProblem(string? ElementId, string? ElementType, int? Line, string Message)
{
    public static ModelProblem From(ValidationError error) => new(error.ElementId, error.ElementType, error.Line, error.Message);
}
