using System.Net;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Security.SecurityWorld;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>
/// Every route with a role gate (read from the endpoint's own authorisation metadata, so no gate is written twice),
/// knocked on by every signed-in caller who holds none of the roles it allows: 403, and nothing written.
/// </summary>
public sealed class RoleGateScenarios(SqliteSecurityFixture fixture) : IClassFixture<SqliteSecurityFixture>
{
    private static readonly Dictionary<string, string[]> RolesOf = new()
    {
        [Admin] = [AppRoles.Administrator],
        [OwnEnterprise] = [AppRoles.Enterprise],
        [OtherEnterprise] = [AppRoles.Enterprise],
        [LandOfficer] = [AppRoles.Officer],
        [LandOfficerSameCounty] = [AppRoles.Officer],
        [LandOfficerOtherCounty] = [AppRoles.Officer],
        [OtherDepartmentOfficer] = [AppRoles.Officer],
        [Supervisor] = [AppRoles.Supervisor],
        [PairedLeader] = [AppRoles.PairedLeader],
    };

    [Fact]
    public async Task Every_role_gated_route_refuses_every_caller_without_the_role_and_writes_nothing()
    {
        var world = fixture.World;
        var gated = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Gates: e.Metadata.OfType<AuthorizationPolicy>()
                .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>()).ToList()))
            .Where(e => e.Gates.Count > 0 && e.Endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToList();
        gated.Count.ShouldBeGreaterThan(40, "the app's role gates were found in its metadata");

        var knocks = 0;
        var wrong = new List<string>();
        foreach (var (endpoint, gates) in gated)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var route = RouteCatalogueTests.KeyOf(method, endpoint);
                foreach (var caller in Signed.Where(c => gates.Any(g => !g.AllowedRoles.Intersect(RolesOf[c]).Any())))
                {
                    var before = await world.SnapshotAsync();
                    using var request = new HttpRequestMessage(new HttpMethod(method), RouteCatalogue.Fill(route));
                    var response = await world.Client(caller).SendAsync(request);
                    knocks++;
                    if (response.StatusCode != HttpStatusCode.Forbidden) wrong.Add($"{caller} → {route}: {(int)response.StatusCode}");
                    (await world.SnapshotAsync()).ShouldBeUnchangedFrom(before, $"{caller} → {route}");
                }
            }
        }
        wrong.ShouldBeEmpty();
        knocks.ShouldBeGreaterThan(200);
    }
}
