using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>The BPMN files under Scenarios/, and the calls every scenario makes.</summary>
public static class Scenario
{
    public static byte[] Bpmn(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".bpmn"));

    public static Task<HttpResponseMessage> PostBpmnAsync(this HttpClient client, string name)
    {
        var content = new ByteArrayContent(Bpmn(name));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return client.PostAsync("/api/definitions", content);
    }

    public static async Task<JsonObject> DeployAsync(this HttpClient client, string name)
    {
        var response = await client.PostBpmnAsync(name);
        return await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public static async Task<Guid> StartAsync(this HttpClient client, string definitionKey, string? businessKey = null, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey, businessKey, variables });
        var body = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> GetInstanceAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/instances/{id}");
        return await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonArray> GetJsonArrayAsync(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON object body.</summary>
    public static async Task<JsonObject> ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts an RFC 7807 error with the given status and returns it.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ShouldHaveStatusAsync(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem["status"]!.GetValue<int>().ShouldBe((int)expected);
        return problem;
    }
}
