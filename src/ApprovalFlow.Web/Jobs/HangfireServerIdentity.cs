namespace ApprovalFlow.Web.Jobs;

/// <summary>
/// The name this host gives its Hangfire server: the machine name and a random suffix, so that the readiness check finds
/// this host's server among those of the other servers (and of other hosts in one test process) sharing the storage.
/// </summary>
public sealed class HangfireServerIdentity
{
    public string ServerName { get; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";
}
