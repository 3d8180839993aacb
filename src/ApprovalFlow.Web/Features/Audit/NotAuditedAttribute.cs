namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Leaves a command's property out of the audit log's data: for personal data the log must not keep,
/// or for bulky content (file bytes) whose hash or name is recorded instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NotAuditedAttribute : Attribute;
