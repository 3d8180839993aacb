namespace ApprovalFlow.Web.Features.Materials;

/// <summary>
/// One material a step asks for (申请材料). Main materials (主要材料) must be complete at acceptance; secondary ones
/// (次要材料) may be tolerated as missing (容缺) and supplied later.
/// </summary>
public sealed class MaterialRequirement
{
    private MaterialRequirement()
    {
    }

    public MaterialRequirement(string stepCode, string code, string name, bool isMain, string? note)
    {
        Id = Guid.NewGuid();
        StepCode = stepCode;
        Code = code;
        Name = name;
        IsMain = isMain;
        Note = note;
    }

    public Guid Id { get; private set; }
    public string StepCode { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool IsMain { get; private set; }
    public string? Note { get; private set; }

    public void Change(string name, bool isMain, string? note)
    {
        Name = name;
        IsMain = isMain;
        Note = note;
    }
}
