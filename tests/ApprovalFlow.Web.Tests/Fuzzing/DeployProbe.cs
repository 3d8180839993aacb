using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Web.Tests.Fuzzing;

/// <summary>What one deploy answered, how long it took, and what was wrong with the answer (null: a proper answer).</summary>
public sealed record DeployOutcome(int Status, TimeSpan Took, string? Failure, JsonObject? Body);

/// <summary>
/// Sends one model to the deploy endpoint and judges the answer: deployed (201), or refused with a 4xx ProblemDetails
/// that says why — every model problem names an element id or a line, a refusal of the request names its field. A 5xx,
/// an answer of another shape or no answer within the time limit (a hang) is a failure.
/// </summary>
public static class DeployProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task<DeployOutcome> PostAsync(HttpClient client, byte[] model, TimeSpan? timeout = null, string path = "/api/definitions")
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(limit);
        var content = new ByteArrayContent(model);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        try
        {
            using var response = await client.PostAsync(path, content, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            var status = (int)response.StatusCode;
            var (failure, body) = Judge(status, response.Content.Headers.ContentType?.MediaType, text);
            return new DeployOutcome(status, watch.Elapsed, failure, body);
        }
        catch (OperationCanceledException)
        {
            return new DeployOutcome(0, watch.Elapsed, $"no answer within {limit.TotalSeconds:0} s (a hang)", null);
        }
    }

    private static (string? Failure, JsonObject? Body) Judge(int status, string? mediaType, string text)
    {
        JsonObject? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }
        if (status >= 500) return ($"{status}: {Shorten(text)}", body);
        if (status == 201)
            return body?["processes"] is JsonArray { Count: > 0 } ? (null, body) : ($"201 without the deployed processes: {Shorten(text)}", body);
        if (status is < 400 or >= 500) return ($"unexpected status {status}: {Shorten(text)}", body);
        if (mediaType != "application/problem+json" || body is null) return ($"{status} that is not a ProblemDetails: {Shorten(text)}", body);
        if (string.IsNullOrWhiteSpace((string?)body["detail"]) && string.IsNullOrWhiteSpace((string?)body["title"]))
            return ($"{status} that gives no reason: {Shorten(text)}", body);
        switch (body["errors"])
        {
            case JsonArray { Count: 0 }:
                return ($"{status} with an empty list of problems", body);
            case JsonArray problems:
                foreach (var problem in problems)
                {
                    var elementId = (string?)problem?["elementId"];
                    var line = problem?["line"]?.GetValueKind() == JsonValueKind.Number;
                    if (string.IsNullOrWhiteSpace((string?)problem?["message"]))
                        return ($"{status}: a problem without a message: {Shorten(problem?.ToJsonString() ?? "null")}", body);
                    if (string.IsNullOrWhiteSpace(elementId) && !line)
                        return ($"{status}: a problem that names neither an element nor a line: {Shorten(problem!.ToJsonString())}", body);
                }
                return (null, body);
            case JsonObject fields when fields.Count > 0:
                return (null, body);
            default:
                // A refusal of the request itself (too large, wrong media type) says why in its detail.
                return status is 413 or 415 ? (null, body) : ($"{status} without a list of problems: {Shorten(text)}", body);
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
