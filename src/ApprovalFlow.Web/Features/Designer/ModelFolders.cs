using ApprovalFlow.Web.Features.Approvals;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>One folder the designer opens models from, resolved to a full path (it may not exist on this machine).</summary>
public sealed record ModelFolder(string Name, string Path);

/// <summary>The designer's folders: the shipped workflows, then <see cref="DesignerOptions.ExtraFolders"/> against the content root.</summary>
public sealed class ModelFolders(IOptions<DesignerOptions> options, IWebHostEnvironment environment)
{
    public IReadOnlyList<ModelFolder> All()
    {
        var folders = new List<ModelFolder> { new(DesignerOptions.WorkflowsFolderName, ShippedWorkflows.Folder) };
        foreach (var (name, path) in options.Value.ExtraFolders.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(path) || name == DesignerOptions.WorkflowsFolderName) continue;
            folders.Add(new(name, Path.GetFullPath(Path.Combine(environment.ContentRootPath, path))));
        }
        return folders;
    }

    /// <summary>The .bpmn files of a folder by name, sorted; none when the folder is missing.</summary>
    public static IReadOnlyList<string> FilesOf(ModelFolder folder) =>
        Directory.Exists(folder.Path)
            ? Directory.EnumerateFiles(folder.Path, "*.bpmn", SearchOption.TopDirectoryOnly)
                .Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];
}
