using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// Deploys the shipped models (workflows/*.bpmn, copied beside the app) whose key has no version yet. Later versions
/// come from the designer, so a key that exists is never redeployed from the file.
/// </summary>
public sealed class ShippedWorkflows(IServiceScopeFactory scopes, ILogger<ShippedWorkflows> logger) : IHostedService
{
    public const string PreConstruction = "pre-construction-approval";
    public const string PledgeSystem = "pledge-system-approval";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var deployed = (await engine.ListDefinitionsAsync(cancellationToken)).Select(d => d.Key).ToHashSet();
        foreach (var key in new[] { PreConstruction, PledgeSystem })
        {
            if (deployed.Contains(key)) continue;
            var file = Path.Combine(Folder, key + ".bpmn");
            if (!File.Exists(file))
            {
                logger.LogWarning("The shipped workflow {File} is missing; cases of {Key} cannot start until it is deployed", file, key);
                continue;
            }
            var definition = await engine.DeployAsync(await File.ReadAllBytesAsync(file, cancellationToken), "system", cancellationToken);
            logger.LogInformation("Deployed the shipped workflow {Key} as version {Version}", definition.Key, definition.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
