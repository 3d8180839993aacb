using System.Net;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>Every API route is known to the security suite, and nobody who has not signed in gets past any but the public ones.</summary>
public sealed class RouteCatalogueTests(SqliteSecurityFixture fixture) : IClassFixture<SqliteSecurityFixture>
{
    public static IEnumerable<string> AppRoutes(WebAppFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => KeyOf(m, e)))
            .Distinct();

    /// <summary>The catalogue's key of an endpoint's method and route, constraints dropped: <c>{id:guid}</c> is <c>{id}</c>.</summary>
    public static string KeyOf(string method, RouteEndpoint endpoint) =>
        $"{method} /{System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.Trim('/'), @"\{(\w+):[^}]+\}", "{$1}")}";

    [Fact]
    public void Every_api_route_is_in_the_catalogue_and_the_catalogue_names_no_route_that_is_gone()
    {
        var app = AppRoutes(fixture.Factory).ToHashSet();
        var known = RouteCatalogue.All.ToHashSet();
        app.Except(known).Order().ShouldBeEmpty("routes the security suite does not know: add each to RouteCatalogue with its guard");
        known.Except(app).Order().ShouldBeEmpty("routes the catalogue names but the app no longer maps");
    }

    public static IEnumerable<object[]> SignedInRoutes() => RouteCatalogue.All.Except(RouteCatalogue.Public).Select(r => new object[] { r });

    [Theory]
    [MemberData(nameof(SignedInRoutes))]
    public async Task Without_signing_in_every_route_but_the_public_ones_answers_401_and_writes_nothing(string route)
    {
        var before = await fixture.World.SnapshotAsync();
        using var request = new HttpRequestMessage(RouteCatalogue.MethodOf(route), RouteCatalogue.Fill(route));
        var response = await fixture.World.Client(SecurityWorld.Anonymous).SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route);
        (await fixture.World.SnapshotAsync()).ShouldBeUnchangedFrom(before, route);
    }
}
