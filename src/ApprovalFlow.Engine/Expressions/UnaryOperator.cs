namespace ApprovalFlow.Engine.Expressions;

internal enum UnaryOperator
{
    Not,
    Negate,
    Empty,
}
