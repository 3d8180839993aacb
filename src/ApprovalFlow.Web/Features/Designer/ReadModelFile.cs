using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Designer;

public sealed record ModelFileResponse(string Folder, string File, string Xml);

/// <summary>
/// One model file's text. Only a file that the folder's listing names can be read, so no path can reach outside the
/// configured folders.
/// </summary>
public sealed record ReadModelFile(Actor Actor, string Folder, string File) : IQuery<ModelFileResponse>;

public sealed class ReadModelFileHandler(ModelFolders folders) : IQueryHandler<ReadModelFile, ModelFileResponse>
{
    public async ValueTask<ModelFileResponse> Handle(ReadModelFile query, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(query.Actor);
        var folder = folders.All().SingleOrDefault(f => f.Name == query.Folder)
            ?? throw RefusedException.NotFound(L.T($"流程设计器中没有文件夹“{query.Folder}”。", $"The designer has no folder '{query.Folder}'."));
        var file = ModelFolders.FilesOf(folder).SingleOrDefault(f => f == query.File)
            ?? throw RefusedException.NotFound(L.T($"文件夹“{query.Folder}”中没有模型“{query.File}”。", $"Folder '{query.Folder}' has no model '{query.File}'."));
        // Decoded as its byte-order mark or XML declaration says (some models are ISO-8859-1), as the engine reads it.
        var xml = ApprovalFlow.Engine.Parsing.BpmnReader.Decode(await File.ReadAllBytesAsync(Path.Combine(folder.Path, file), ct));
        return new ModelFileResponse(folder.Name, file, xml);
    }
}
