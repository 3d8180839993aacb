namespace ApprovalFlow.Web.Features.Designer;

/// <summary>
/// Configuration section <c>Designer</c>: the folders whose .bpmn files the designer (流程设计器) offers to open.
/// The shipped workflows (copied beside the app) are always offered as folder <c>workflows</c>; <see cref="ExtraFolders"/>
/// adds more by name. A relative path is resolved against the content root at run time.
/// </summary>
public sealed class DesignerOptions
{
    public const string Section = "Designer";

    public const string WorkflowsFolderName = "workflows";

    /// <summary>Folder name → path. Default: the OMG MIWG conformance models of the shared folder beside the repository.</summary>
    public Dictionary<string, string> ExtraFolders { get; set; } = new(StringComparer.Ordinal)
    {
        ["miwg"] = Path.Combine("..", "..", "..", "shared", "conformance", "miwg"),
    };
}
