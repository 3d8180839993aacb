namespace ApprovalFlow.Web.Features.Enterprises;

/// <summary>A construction unit (建设单位): the enterprise that owns projects; its users act for it.</summary>
public sealed class Enterprise
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters, upper case.</summary>
    public required string CreditCode { get; init; }

    public required string ContactName { get; init; }

    public required string ContactPhone { get; init; }

    public required DateTime RegisteredAt { get; init; }

    public required string RegisteredBy { get; init; }
}
