namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>The app with its Hangfire server, storage and dashboard running (SQLite storage).</summary>
public sealed class HangfireWebAppFactory : WebAppFactory
{
    protected override bool HangfireEnabled => true;
}
