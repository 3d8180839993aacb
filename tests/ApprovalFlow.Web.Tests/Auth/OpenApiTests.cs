using System.Net;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Auth;

public sealed class OpenApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_the_rest_core()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/definitions");
        paths.ShouldContain("/api/instances");
        paths.ShouldContain("/api/instances/{id}");
        paths.ShouldContain("/api/tasks");
        paths.ShouldContain("/api/tasks/{id}/claim");
        paths.ShouldContain("/api/tasks/{id}/complete");
        paths.ShouldContain("/api/messages");
        paths.ShouldContain("/api/auth/login");
    }
}
