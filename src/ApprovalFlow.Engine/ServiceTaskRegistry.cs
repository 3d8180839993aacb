namespace ApprovalFlow.Engine;

/// <summary>The names of the registered service task handlers, so a model naming an unknown one is refused at deploy.</summary>
public sealed class ServiceTaskRegistry(IEnumerable<ServiceTaskRegistration> registrations)
{
    private readonly HashSet<string> names = registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    public bool Contains(string name) => names.Contains(name);
}

public sealed record ServiceTaskRegistration(string Name);
