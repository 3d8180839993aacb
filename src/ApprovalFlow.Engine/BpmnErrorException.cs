namespace ApprovalFlow.Engine;

/// <summary>
/// Thrown by a service task handler for a business outcome the model handles (an error boundary event with this
/// code), as opposed to a technical failure, which is retried and may become an incident.
/// </summary>
public sealed class BpmnErrorException(string errorCode, string? message = null)
    : Exception(message ?? $"BPMN error '{errorCode}'")
{
    public string ErrorCode { get; } = errorCode;
}
