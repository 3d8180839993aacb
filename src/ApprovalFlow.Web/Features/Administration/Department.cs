namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// A department (部门) of the administration, by the code workflows (<c>af:department</c>) and officers'
/// accounts (<see cref="Data.AppUser.Department"/>) refer to. The code never changes; administrators rename a
/// department and take it out of use (inactive) or back.
/// </summary>
public sealed class Department
{
    private Department()
    {
    }

    public Department(string code, string name, string nameEn)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
        IsActive = true;
    }

    /// <summary>Lower-case letters, digits and dashes, e.g. <c>housing-construction</c>; the key, immutable.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The Chinese name, e.g. 住房城乡建设.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The English name, e.g. Housing and construction.</summary>
    public string NameEn { get; private set; } = "";

    /// <summary>Whether the department is in use; an inactive one keeps its history but has no open steps.</summary>
    public bool IsActive { get; private set; }

    public void Rename(string name, string nameEn)
    {
        Name = name;
        NameEn = nameEn;
    }

    public void SetActive(bool active) => IsActive = active;
}
