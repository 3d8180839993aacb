using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal abstract class ExpressionNode
{
    public object? Evaluate(JsonObject variables)
    {
        // The nesting limit does not bound long left-associative chains such as 1+1+1+..., so the stack is checked here too.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return EvaluateCore(variables);
    }

    protected abstract object? EvaluateCore(JsonObject variables);
}
