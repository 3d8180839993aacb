namespace ApprovalFlow.Engine.Persistence;

public enum TimerPurpose
{
    /// <summary>A timer event of the model (intermediate or boundary).</summary>
    Event = 0,
    /// <summary>The next attempt of a service task whose handler failed.</summary>
    ServiceTaskRetry = 1,
}
