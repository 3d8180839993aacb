using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalFlow.Web.Tests.Infrastructure;

public sealed record LoginResponse(
    [property: JsonPropertyName("tokenType")] string TokenType,
    [property: JsonPropertyName("accessToken")] string AccessToken);

public static class ApiClient
{
    /// <summary>Logs in through the public endpoint and returns a client that sends the bearer token.</summary>
    public static async Task<HttpClient> LoginAsync<TProgram>(
        this WebApplicationFactory<TProgram> factory, string email, string password = DemoAccount.Password)
        where TProgram : class
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResponse>()
            ?? throw new InvalidOperationException("The login response had no body.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.AccessToken);
        return client;
    }
}
