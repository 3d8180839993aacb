using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Designer;

public sealed record ModelFolderResponse(string Name, bool Exists, IReadOnlyList<string> Files);

/// <summary>The .bpmn files the designer can open (打开): the shipped workflows and each configured extra folder.</summary>
public sealed record ListModelFiles(Actor Actor) : IQuery<IReadOnlyList<ModelFolderResponse>>;

public sealed class ListModelFilesHandler(ModelFolders folders) : IQueryHandler<ListModelFiles, IReadOnlyList<ModelFolderResponse>>
{
    public ValueTask<IReadOnlyList<ModelFolderResponse>> Handle(ListModelFiles query, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(query.Actor);
        IReadOnlyList<ModelFolderResponse> result = folders.All()
            .Select(f => new ModelFolderResponse(f.Name, Directory.Exists(f.Path), ModelFolders.FilesOf(f)))
            .ToList();
        return ValueTask.FromResult(result);
    }
}
