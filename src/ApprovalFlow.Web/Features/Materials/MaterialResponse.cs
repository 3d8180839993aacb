namespace ApprovalFlow.Web.Features.Materials;

/// <summary>A catalogue entry; kind is <c>main</c> (主要材料) or <c>secondary</c> (次要材料).</summary>
public sealed record MaterialResponse(Guid Id, string StepCode, string Code, string Name, string Kind, string? Note)
{
    public static MaterialResponse From(MaterialRequirement m) =>
        new(m.Id, m.StepCode, m.Code, m.Name, MaterialKinds.Name(m.IsMain), m.Note);
}
