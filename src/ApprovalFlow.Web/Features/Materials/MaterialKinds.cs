namespace ApprovalFlow.Web.Features.Materials;

public static class MaterialKinds
{
    public const string Main = "main";
    public const string Secondary = "secondary";

    public static string Name(bool isMain) => isMain ? Main : Secondary;

    public static bool TryRead(string? kind, out bool isMain)
    {
        isMain = string.Equals(kind?.Trim(), Main, StringComparison.OrdinalIgnoreCase);
        return isMain || string.Equals(kind?.Trim(), Secondary, StringComparison.OrdinalIgnoreCase);
    }
}
