namespace ApprovalFlow.Engine.Tests.Infrastructure;

public enum StoreKind
{
    Sqlite,
    Postgres,
}
