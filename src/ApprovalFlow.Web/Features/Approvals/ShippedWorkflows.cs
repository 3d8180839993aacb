using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// Deploys the shipped models (workflows/*.bpmn, copied beside the app) whose key has no version yet, and brings keys
/// the app deployed itself up to this release's files (<see cref="ShippedWorkflowUpgrade"/>: a new version, running
/// cases moved to it). Versions published from the designer are never replaced from the files.
/// </summary>
public sealed class ShippedWorkflows(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ShippedWorkflows> logger) : IHostedService
{
    public const string PreConstruction = "pre-construction-approval";
    public const string PledgeSystem = "pledge-system-approval";

    /// <summary>Who the app records as the deployer of the shipped models.</summary>
    public const string Deployer = "system";

    /// <summary>Where the shipped models are read from unless <c>ApprovalFlow:WorkflowsFolder</c> names another folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = configuration["ApprovalFlow:WorkflowsFolder"] is { Length: > 0 } configured ? configured : Folder;
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var deployed = (await engine.ListDefinitionsAsync(cancellationToken)).Select(d => d.Key).ToHashSet();
        foreach (var key in new[] { PreConstruction, PledgeSystem })
        {
            if (deployed.Contains(key))
            {
                await scope.ServiceProvider.GetRequiredService<ShippedWorkflowUpgrade>().UpgradeAsync(key, folder, cancellationToken);
                continue;
            }
            var file = Path.Combine(folder, key + ".bpmn");
            if (!File.Exists(file))
            {
                logger.LogWarning("The shipped workflow {File} is missing; cases of {Key} cannot start until it is deployed", file, key);
                continue;
            }
            var definition = await engine.DeployAsync(await File.ReadAllBytesAsync(file, cancellationToken), Deployer, cancellationToken);
            logger.LogInformation("Deployed the shipped workflow {Key} as version {Version}", definition.Key, definition.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
