using System.Net;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Health;
using ApprovalFlow.Web.Jobs;
using ApprovalFlow.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ApprovalFlow.Web.Tests.Health;

/// <summary>The health endpoints over HTTP, anonymous: the process serves, and the app is ready only with its database.</summary>
public static class Health
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public static Dictionary<string, string> Checks(JsonObject body) =>
        body["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());

    /// <summary>Waits (at most 30 s) for the ready endpoint to answer the wanted status; returns its last answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> WaitForReadyAsync(HttpClient client, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await GetAsync(client, HealthRegistration.ReadyPath);
            if (answer.Status == wanted || DateTime.UtcNow > deadline) return answer;
            await Task.Delay(250);
        }
    }
}

public sealed class SqliteHealthTests : IAsyncLifetime
{
    private readonly WebAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Live_answers_healthy_to_an_anonymous_caller_without_running_a_check()
    {
        var (status, body) = await Health.GetAsync(_factory.CreateClient(), HealthRegistration.LivePath);

        status.ShouldBe(HttpStatusCode.OK);
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        body["checks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Ready_checks_the_database_and_its_migrations_and_tells_no_path_or_secret()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync(HealthRegistration.ReadyPath);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(text)!.AsObject();
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        Health.Checks(body).ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy" }, ignoreOrder: true);
        text.ShouldNotContain(_factory.DataFolder);
        text.ShouldNotContain("approvalflow.db");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Ready_fails_with_503_when_the_database_lost_its_schema_while_live_stays_healthy()
    {
        var client = _factory.CreateClient();
        (await Health.GetAsync(client, HealthRegistration.ReadyPath)).Status.ShouldBe(HttpStatusCode.OK);

        // The database file goes away under the running app (a wiped volume): SQLite opens a new, empty one.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_factory.DataFolder, "approvalflow.db*")) File.Delete(file);

        var (status, body) = await Health.GetAsync(client, HealthRegistration.ReadyPath);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body["status"]!.GetValue<string>().ShouldBe("Unhealthy");
        Health.Checks(body)["migrations"].ShouldBe("Unhealthy");
        var description = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "migrations")!["description"]!.GetValue<string>();
        description.ShouldContain("数据库迁移尚未执行", customMessage: "Chinese by default");
        (await Health.GetAsync(client, HealthRegistration.LivePath)).Status.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class HangfireHealthTests(HangfireWebAppFactory factory) : IClassFixture<HangfireWebAppFactory>
{
    [Fact]
    public async Task Ready_includes_this_hosts_hangfire_server_once_it_beats()
    {
        var (status, body) = await Health.WaitForReadyAsync(factory.CreateClient(), HttpStatusCode.OK);

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        Health.Checks(body).ShouldBe(
            new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["hangfire"] = "Healthy" }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_hangfire_server_that_is_not_registered_in_the_storage_is_unhealthy()
    {
        await Health.WaitForReadyAsync(factory.CreateClient(), HttpStatusCode.OK);
        var storage = factory.Services.GetRequiredService<JobStorage>();

        var ours = await new HangfireServerHealthCheck(storage, factory.Services.GetRequiredService<HangfireServerIdentity>(),
            NullLogger<HangfireServerHealthCheck>.Instance).CheckHealthAsync(new HealthCheckContext());
        var someoneElses = await new HangfireServerHealthCheck(storage, new HangfireServerIdentity(),
            NullLogger<HangfireServerHealthCheck>.Instance).CheckHealthAsync(new HealthCheckContext());

        ours.Status.ShouldBe(HealthStatus.Healthy);
        someoneElses.Status.ShouldBe(HealthStatus.Unhealthy);
    }
}

public sealed class PostgresHealthTests(PostgresWebAppFactory factory) : IClassFixture<PostgresWebAppFactory>
{
    [Fact]
    public async Task Ready_fails_with_503_when_the_database_is_gone_and_says_nothing_of_the_connection()
    {
        var client = factory.CreateClient();
        (await Health.GetAsync(client, HealthRegistration.ReadyPath)).Status.ShouldBe(HttpStatusCode.OK);
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;

        NpgsqlConnection.ClearAllPools();
        await using (var server = new NpgsqlConnection(PostgresWebAppFactory.ServerConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync(HealthRegistration.ReadyPath);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Health.Checks(JsonNode.Parse(text)!.AsObject())["database"].ShouldBe("Unhealthy");
        text.ShouldNotContain(database);
        text.ShouldNotContain("127.0.0.1");
        (await Health.GetAsync(client, HealthRegistration.LivePath)).Status.ShouldBe(HttpStatusCode.OK);
    }
}
