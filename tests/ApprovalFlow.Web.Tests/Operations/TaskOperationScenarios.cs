using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using static ApprovalFlow.Web.Tests.Operations.OperationModels;

namespace ApprovalFlow.Web.Tests.Operations;

/// <summary>What people do to a task besides completing it, over HTTP; run once per database.</summary>
public abstract class TaskOperationScenarios(WebAppFactory factory)
{
    private static DemoAccount Supervisor => DemoAccount.All.Single(a => a.Role == AppRoles.Supervisor);

    [Fact]
    public async Task A_delegated_task_is_resolved_by_the_delegate_and_then_completed_by_its_owner()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var supervisor = await factory.ClientForAsync(Supervisor);
        var key = NewKey("delegation");
        await admin.DeployModelAsync(SingleReview(key));
        var instanceId = await admin.StartAsync(key);
        var taskId = await officer.OpenTaskIdAsync(instanceId, "review");
        (await officer.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var delegated = await (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/delegate", new { userId = Supervisor.Email }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        delegated["assignee"]!.GetValue<string>().ShouldBe(Supervisor.Email);
        delegated["owner"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        delegated["delegation"]!.GetValue<string>().ShouldBe("pending");
        await (await officer.PostAsync($"/api/tasks/{taskId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var resolved = await (await supervisor.PostAsJsonAsync($"/api/tasks/{taskId}/resolve", new { variables = new { siteVisit = "done" } }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        resolved["assignee"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        resolved["delegation"]!.GetValue<string>().ShouldBe("resolved");
        var fetched = await (await officer.GetAsync($"/api/tasks/{taskId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        fetched["owner"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        fetched["delegation"]!.GetValue<string>().ShouldBe("resolved");

        var completed = await (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        completed["status"]!.GetValue<string>().ShouldBe("completed");
        completed["variables"]!["siteVisit"]!.GetValue<string>().ShouldBe("done");
        await (await officer.PostAsync($"/api/tasks/{taskId}/resolve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_officer_reassigns_a_task_and_changes_who_may_claim_it()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("reassign");
        await admin.DeployModelAsync(SingleReview(key));
        var instanceId = await admin.StartAsync(key);
        var taskId = await officer.OpenTaskIdAsync(instanceId, "review");

        var assigned = await (await officer.PutAsJsonAsync($"/api/tasks/{taskId}/assignee", new { userId = Supervisor.Email }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        assigned["assignee"]!.GetValue<string>().ShouldBe(Supervisor.Email);
        var mine = await officer.GetJsonArrayAsync($"/api/tasks?assignee={Uri.EscapeDataString(Supervisor.Email)}");
        mine.Select(t => t!["id"]!.GetValue<Guid>()).ShouldContain(taskId);

        var cleared = await (await admin.PutAsJsonAsync($"/api/tasks/{taskId}/assignee", new { userId = (string?)null }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        cleared["assignee"].ShouldBeNull();

        var withGroup = await (await officer.PostAsync($"/api/tasks/{taskId}/candidate-groups/planning", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        withGroup["candidateGroups"].Strings().ShouldBe(["natural-resources", "planning"]);
        var withoutGroup = await (await officer.DeleteAsync($"/api/tasks/{taskId}/candidate-groups/natural-resources")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        withoutGroup["candidateGroups"].Strings().ShouldBe(["planning"]);

        // Having handed the task to another department, the officer may no longer change it; an administrator may.
        await (await officer.PostAsync($"/api/tasks/{taskId}/candidate-users/{Supervisor.Email}", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var withUser = await (await admin.PostAsync($"/api/tasks/{taskId}/candidate-users/{Supervisor.Email}", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        withUser["candidateUsers"].Strings().ShouldBe([Supervisor.Email]);
        var offered = await admin.GetJsonArrayAsync($"/api/tasks?candidateUser={Uri.EscapeDataString(Supervisor.Email)}");
        offered.Select(t => t!["id"]!.GetValue<Guid>()).ShouldContain(taskId);
        // The task is another department's now: the officer neither lists nor reads it (docs/security.md).
        (await officer.GetJsonArrayAsync($"/api/tasks?candidateUser={Uri.EscapeDataString(Supervisor.Email)}"))
            .Select(t => t!["id"]!.GetValue<Guid>()).ShouldNotContain(taskId);
        await (await officer.GetAsync($"/api/tasks/{taskId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var withoutUser = await (await admin.DeleteAsync($"/api/tasks/{taskId}/candidate-users/{Supervisor.Email}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        withoutUser["candidateUsers"]!.AsArray().ShouldBeEmpty();

        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);
        var refused = await enterprise.PutAsJsonAsync($"/api/tasks/{taskId}/assignee", new { userId = Accounts.Enterprise.Email });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await enterprise.PostAsync($"/api/tasks/{taskId}/candidate-groups/anyone", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var unchanged = await (await admin.GetAsync($"/api/tasks/{taskId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        unchanged["assignee"].ShouldBeNull();
        unchanged["candidateGroups"].Strings().ShouldBe(["planning"]);
    }

    [Fact]
    public async Task Unclaiming_gives_the_task_back_and_dates_are_set_in_utc()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("dates");
        await admin.DeployModelAsync(SingleReview(key));
        var taskId = await officer.OpenTaskIdAsync(await admin.StartAsync(key), "review");
        (await officer.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var unclaimed = await (await officer.PostAsync($"/api/tasks/{taskId}/unclaim", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        unclaimed["assignee"].ShouldBeNull();

        var dated = await (await officer.PutAsJsonAsync($"/api/tasks/{taskId}/dates",
            new { dueAt = "2026-12-18T17:00:00+08:00", followUpAt = "2026-12-15T09:00:00+08:00" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        DateTimeOffset.Parse(dated["dueAt"]!.GetValue<string>()).ShouldBe(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero));
        dated["followUpAt"]!.GetValue<string>().ShouldBe("2026-12-15T01:00:00Z");

        var refused = await officer.PutAsJsonAsync($"/api/tasks/{taskId}/dates",
            new { dueAt = "2026-12-18T17:00:00+08:00", followUpAt = "2026-12-19T09:00:00+08:00" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Comments_and_an_attachment_make_the_round_trip()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("paperwork");
        await admin.DeployModelAsync(SingleReview(key));
        var taskId = await officer.OpenTaskIdAsync(await admin.StartAsync(key), "review");

        var comment = await (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = "用地预审 site plan received" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        comment["author"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        await (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = "second look tomorrow" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var comments = await admin.GetJsonArrayAsync($"/api/tasks/{taskId}/comments");
        comments.Select(c => c!["text"]!.GetValue<string>()).ShouldBe(["用地预审 site plan received", "second look tomorrow"]);
        await (await officer.PostAsJsonAsync($"/api/tasks/{taskId}/comments", new { text = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        byte[] pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31))];
        var upload = await officer.PostAsync($"/api/tasks/{taskId}/attachments", FileForm("用地预审意见.pdf", "application/pdf", pdf));
        var uploaded = await upload.ShouldHaveStatusAsync(HttpStatusCode.Created);
        uploaded["fileName"]!.GetValue<string>().ShouldBe("用地预审意见.pdf");
        uploaded["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        uploaded["size"]!.GetValue<long>().ShouldBe(pdf.Length);
        uploaded["uploadedBy"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        upload.Headers.Location!.ToString().ShouldBe($"/api/attachments/{uploaded["id"]}");

        var listed = (await admin.GetJsonArrayAsync($"/api/tasks/{taskId}/attachments")).ShouldHaveSingleItem()!;
        listed["id"]!.GetValue<Guid>().ShouldBe(uploaded["id"]!.GetValue<Guid>());

        var download = await admin.GetAsync(upload.Headers.Location);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName).ShouldBe("用地预审意见.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        await (await admin.GetAsync($"/api/attachments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_ofd_sent_as_octet_stream_is_stored_as_ofd()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var key = NewKey("ofd");
        await admin.DeployModelAsync(SingleReview(key));
        var taskId = await admin.OpenTaskIdAsync(await admin.StartAsync(key), "review");

        byte[] ofd = [.. "PK\u0003\u0004"u8, .. "OFD.xml"u8];
        var uploaded = await (await admin.PostAsync($"/api/tasks/{taskId}/attachments", FileForm("营业执照.ofd", "application/octet-stream", ofd)))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);

        uploaded["contentType"]!.GetValue<string>().ShouldBe("application/ofd");
    }

    [Fact]
    public async Task Files_outside_the_allowed_types_are_refused_as_unsupported()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var key = NewKey("unsupported");
        await admin.DeployModelAsync(SingleReview(key));
        var taskId = await admin.OpenTaskIdAsync(await admin.StartAsync(key), "review");

        var text = await admin.PostAsync($"/api/tasks/{taskId}/attachments", FileForm("notes.txt", "text/plain", "plain notes"u8.ToArray()));
        await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var disguised = await admin.PostAsync($"/api/tasks/{taskId}/attachments",
            FileForm("report.pdf", "application/pdf", "<html><script>alert(1)</script></html>"u8.ToArray()));
        await disguised.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var notAForm = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/attachments", new { file = "report.pdf" });
        await notAForm.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        (await admin.GetJsonArrayAsync($"/api/tasks/{taskId}/attachments")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_is_not_the_multipart_it_claims_is_a_bad_request()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var key = NewKey("malformed");
        await admin.DeployModelAsync(SingleReview(key));
        var taskId = await admin.OpenTaskIdAsync(await admin.StartAsync(key), "review");
        var truncated = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-"u8.ToArray());
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        var response = await admin.PostAsync($"/api/tasks/{taskId}/attachments", truncated);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await admin.GetJsonArrayAsync($"/api/tasks/{taskId}/attachments")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_as_too_large()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var key = NewKey("large");
        await admin.DeployModelAsync(SingleReview(key));
        var taskId = await admin.OpenTaskIdAsync(await admin.StartAsync(key), "review");
        var tooLarge = new byte[20 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(tooLarge);

        var response = await admin.PostAsync($"/api/tasks/{taskId}/attachments", FileForm("scan.pdf", "application/pdf", tooLarge));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await admin.GetJsonArrayAsync($"/api/tasks/{taskId}/attachments")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_that_does_not_exist_is_not_found_for_every_operation()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var id = Guid.NewGuid();

        await (await admin.GetAsync($"/api/tasks/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/tasks/{id}/comments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/tasks/{id}/attachments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/tasks/{id}/delegate", new { userId = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/tasks/{id}/assignee", new { userId = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent FileForm(string fileName, string contentType, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}

public sealed class TaskOperationsOnSqlite(WebAppFactory factory)
    : TaskOperationScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class TaskOperationsOnPostgres(PostgresWebAppFactory factory)
    : TaskOperationScenarios(factory), IClassFixture<PostgresWebAppFactory>;
