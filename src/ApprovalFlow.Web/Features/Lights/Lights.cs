namespace ApprovalFlow.Web.Features.Lights;

public static class Lights
{
    /// <summary>The term in responses: <c>green</c>, <c>yellow</c> or <c>red</c>.</summary>
    public static string Term(this Light light) => light switch
    {
        Light.Green => "green",
        Light.Yellow => "yellow",
        _ => "red",
    };
}
