using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Counties;

public static class CountiesApi
{
    public static RouteGroupBuilder MapCountiesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/counties").WithTags("Counties");
        group.MapGet("/", ListAsync).WithSummary("The 13 counties and districts of Hengshui with their 2020 investment growth targets (%)");
        return group;
    }

    public static async Task<Ok<CountyResponse[]>> ListAsync(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCounties(), ct));
}
